package io.ferry.reporting;

import io.ferry.config.ConnectionConfig;
import io.ferry.config.DruidConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.ReportConfig;
import io.ferry.config.ReportsConfig;
import io.ferry.config.SecretResolver;
import io.ferry.druid.DruidClient;
import io.ferry.genlog.MySqlConnections;
import io.ferry.genlog.ServerConnections;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the declared reports: the Druid SQL with the request's parameters, then the dimension join, as a
 * {@link DataTable}. Thread-safe (the HTTP server calls it from several threads).
 */
public final class ReportService {
    private final FerryConfig ferry;
    private final ReportsConfig reports;
    private final SecretResolver secrets;
    private final Map<String, DruidClient> druidClients = new ConcurrentHashMap<>();

    public ReportService(FerryConfig ferry, ReportsConfig reports) {
        this.ferry = ferry;
        this.reports = reports;
        this.secrets = SecretResolver.forConfig(ferry);
    }

    public ReportsConfig reports() {
        return reports;
    }

    /**
     * @throws ReportRequestException for an unknown report or a missing or malformed parameter
     * @throws io.ferry.druid.DruidException with Druid's message when Druid refuses the query
     * @throws SQLException when the dimension table cannot be read
     */
    public DataTable run(String name, Map<String, String> parameters) throws SQLException {
        ReportConfig report = reports.report(name)
                .orElseThrow(() -> ReportRequestException.unknownReport(name, reports.reports().keySet()));
        Object[] values = ReportParameters.bind(report, parameters);
        DataTable table = DruidResultTable.from(druid(report.druidConnection()).broker().sql(report.sql(), values));
        if (report.join().isPresent()) {
            table = DimensionJoiner.join(table, report.join().get(), mysql(report.join().get().connection()));
        }
        return table;
    }

    private DruidClient druid(Optional<String> name) {
        DruidConnectionConfig c = name.map(n -> connection(n, DruidConnectionConfig.class, "druid")).orElseGet(() -> {
            List<DruidConnectionConfig> all = ferry.connections(DruidConnectionConfig.class);
            if (all.size() != 1) {
                throw new IllegalStateException(ferry.source() + " has " + all.size() + " druid connections: name one with"
                        + " druid: in the report");
            }
            return all.get(0);
        });
        return druidClients.computeIfAbsent(c.name(), k -> new DruidClient(c.coordinatorUrl(), c.overlordUrl(), c.brokerUrl()));
    }

    private ServerConnections mysql(String name) {
        return MySqlConnections.of(connection(name, MySqlConnectionConfig.class, "mysql"), secrets);
    }

    private <T extends ConnectionConfig> T connection(String name, Class<T> kind, String typeName) {
        ConnectionConfig c = ferry.connection(name).orElseThrow(() -> new IllegalStateException(
                "no connection '" + name + "' in " + ferry.source() + "; it has " + ferry.connections().keySet()));
        if (!kind.isInstance(c)) {
            throw new IllegalStateException("connection '" + name + "' is of type " + c.type().yamlName() + "; a report needs a "
                    + typeName + " connection there");
        }
        return kind.cast(c);
    }
}
