package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The broker: Druid SQL over user datasources and the {@code sys} tables. */
public final class BrokerClient {
    private final DruidHttp http;

    BrokerClient(DruidHttp http) {
        this.http = http;
    }

    /**
     * Runs a SQL query; {@code parameters} fill its {@code ?} placeholders in order (String, integral numbers,
     * other numbers, Boolean). A query Druid refuses throws a {@link DruidException} with Druid's message.
     */
    public SqlResult sql(String query, Object... parameters) {
        ObjectNode body = DruidHttp.JSON.createObjectNode();
        body.put("query", query);
        body.put("resultFormat", "array");
        body.put("header", true);
        body.put("sqlTypesHeader", true);
        if (parameters.length > 0) {
            ArrayNode params = body.putArray("parameters");
            for (Object p : parameters) {
                params.add(parameter(p));
            }
        }
        JsonNode answer = http.post("/druid/v2/sql", body);
        List<String> columns = new ArrayList<>();
        List<String> sqlTypes = new ArrayList<>();
        List<SqlResult.SqlRow> rows = new ArrayList<>();
        int headerRows = 0;
        for (JsonNode row : answer) {
            if (headerRows < 2) {
                List<String> target = headerRows == 0 ? columns : sqlTypes;
                row.forEach(c -> target.add(c.asText()));
                headerRows++;
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            row.forEach(values::add);
            rows.add(new SqlResult.SqlRow(columns, values));
        }
        return new SqlResult(List.copyOf(columns), List.copyOf(rows), List.copyOf(sqlTypes));
    }

    /** The segments of one datasource in {@code sys.segments}, by interval and version. */
    public List<SysSegment> segments(String dataSource) {
        return sql("SELECT " + SysSegment.COLUMNS + " FROM sys.segments WHERE datasource = ? ORDER BY \"start\", version, partition_num",
                dataSource).rows().stream().map(SysSegment::from).toList();
    }

    /** Where each segment replica of a datasource is served ({@code sys.server_segments} joined with {@code sys.servers}). */
    public List<SegmentPlacement> placements(String dataSource) {
        return sql(SegmentPlacement.QUERY, dataSource).rows().stream().map(SegmentPlacement::from).toList();
    }

    /** The tasks of one datasource in {@code sys.tasks}, newest first. */
    public List<SysTask> tasks(String dataSource) {
        return sql("SELECT " + SysTask.COLUMNS + " FROM sys.tasks WHERE datasource = ? ORDER BY created_time DESC", dataSource)
                .rows().stream().map(SysTask::from).toList();
    }

    /** Every Druid process in {@code sys.servers}. */
    public List<SysServer> servers() {
        return sql("SELECT " + SysServer.COLUMNS + " FROM sys.servers ORDER BY server").rows().stream().map(SysServer::from).toList();
    }

    /** True when the broker has its view of the cluster's segments and answers queries. */
    public boolean isReady() {
        return http.status("/druid/broker/v1/readiness") == 200;
    }

    private static ObjectNode parameter(Object value) {
        ObjectNode p = DruidHttp.JSON.createObjectNode();
        if (value instanceof String s) {
            p.put("type", "VARCHAR").put("value", s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            p.put("type", "BIGINT").put("value", ((Number) value).longValue());
        } else if (value instanceof Number n) {
            p.put("type", "DOUBLE").put("value", n.doubleValue());
        } else if (value instanceof Boolean b) {
            p.put("type", "BOOLEAN").put("value", b);
        } else {
            throw new IllegalArgumentException("SQL parameter of unsupported type " + (value == null ? "null" : value.getClass().getName())
                    + ": use String, a number or Boolean");
        }
        return p;
    }
}
