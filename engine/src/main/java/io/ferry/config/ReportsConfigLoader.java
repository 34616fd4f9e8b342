package io.ferry.config;

import io.ferry.config.YamlNode.Entry;
import io.ferry.config.YamlNode.Mapping;
import io.ferry.config.YamlNode.Scalar;
import io.ferry.config.YamlNode.Sequence;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads a reports file ({@code reports.yaml}: {@code server:} and {@code reports:}) into a {@link ReportsConfig}, or
 * throws a {@link ConfigException} with every problem's file, line and key, like ferry.yaml.
 */
public final class ReportsConfigLoader {
    private static final Pattern REPORT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ReportsConfigLoader() {
    }

    public static ReportsConfig load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, List.of(new ConfigProblem(file, 0, 0, "",
                    "no such file; declare the reports there (see docs/druid.md, \"Reporting API\") or pass --reports")));
        } catch (IOException e) {
            throw new ConfigException(file, List.of(new ConfigProblem(file, 0, 0, "", "cannot be read: " + e.getMessage())));
        }
    }

    public static ReportsConfig parse(String yaml, Path file) {
        Path baseDir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        Problems problems = new Problems(file);
        YamlTreeReader treeReader = new YamlTreeReader();
        Optional<YamlNode> root;
        try {
            root = treeReader.read(new StringReader(yaml));
        } catch (YamlTreeReader.SyntaxError e) {
            problems.add(e.location, "", e.getMessage());
            throw new ConfigException(file, problems.sorted());
        } catch (IOException e) {
            throw new ConfigException(file, List.of(new ConfigProblem(file, 0, 0, "", "cannot be read: " + e.getMessage())));
        }
        treeReader.duplicateKeys().forEach(d -> problems.add(d.location(), d.keyPath(), d.message()));
        if (root.isEmpty() || !(root.get() instanceof Mapping top)) {
            problems.add(root.map(YamlNode::location).orElse(new YamlNode.Location(1, 1)), "",
                    "expected a mapping with the keys server, reports");
            throw new ConfigException(file, problems.sorted());
        }
        MappingReader r = new MappingReader(top, "", "a reports file", problems, baseDir);
        String bind = ReportsConfig.DEFAULT_BIND;
        int port = ReportsConfig.DEFAULT_PORT;
        Optional<SecretRef> token = Optional.empty();
        Optional<Mapping> server = r.mapping("server", false, "a mapping (bind, port, token)");
        if (server.isPresent()) {
            MappingReader s = new MappingReader(server.get(), "server", "server", problems, baseDir);
            bind = s.text("bind", false, "the address to listen on").orElse(bind);
            port = s.port("port", port);
            token = s.secret("token", false);
            s.rejectUnknownKeys();
        }
        Map<String, ReportConfig> reports = new LinkedHashMap<>();
        Optional<Mapping> declared = r.mapping("reports", true, "a mapping of report name to report");
        for (Entry entry : declared.map(m -> m.entries().values()).orElse(List.of())) {
            String path = "reports." + entry.key();
            if (!REPORT_NAME.matcher(entry.key()).matches()) {
                problems.add(entry.keyLocation(), path, "a report name is lower-case letters, digits, '_' and '-' (it is"
                        + " part of the URL /api/reports/NAME)");
            } else if (!(entry.value() instanceof Mapping m)) {
                problems.add(entry.value().location(), path, "expected a report (a mapping with sql, params, join), found "
                        + entry.value().describe());
            } else {
                report(entry.key(), new MappingReader(m, path, "a report", problems, baseDir), problems, baseDir)
                        .ifPresent(rep -> reports.put(entry.key(), rep));
            }
        }
        r.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems.sorted());
        }
        return new ReportsConfig(file, reports, bind, port, token);
    }

    private static Optional<ReportConfig> report(String name, MappingReader r, Problems problems, Path baseDir) {
        Optional<String> druid = r.text("druid", false, "a druid connection name of ferry.yaml");
        Optional<String> sql = r.text("sql", true, "the Druid SQL query, with ? for each parameter");
        List<String> params = names(r, "params");
        Optional<ReportConfig.Join> join = Optional.empty();
        Optional<Mapping> joinMapping = r.mapping("join", false, "a mapping (connection, table, key, on, columns)");
        if (joinMapping.isPresent()) {
            MappingReader j = new MappingReader(joinMapping.get(), r.keyPath("join"), "a join", problems, baseDir);
            Optional<String> connection = j.text("connection", true, "a mysql connection name of ferry.yaml");
            Optional<String> table = j.text("table", true, "the dimension table (or schema.table)");
            Optional<String> key = j.text("key", true, "the column of the Druid result to join on");
            Optional<String> on = j.text("on", true, "the column of the table it matches");
            List<String> columns = names(j, "columns");
            if (columns.isEmpty()) {
                j.failMapping("a join needs columns: the table's columns to add to each row");
            }
            j.rejectUnknownKeys();
            if (j.valid() && connection.isPresent() && table.isPresent() && key.isPresent() && on.isPresent()) {
                join = Optional.of(new ReportConfig.Join(connection.get(), table.get(), key.get(), on.get(), columns));
            }
        }
        r.rejectUnknownKeys();
        if (sql.isPresent()) {
            long placeholders = sql.get().chars().filter(c -> c == '?').count();
            if (placeholders != params.size()) {
                r.failMapping("the sql has " + placeholders + " ? placeholder(s) but params names " + params.size()
                        + "; name one request parameter per ?, in order");
            }
        }
        if (!r.valid() || sql.isEmpty() || (joinMapping.isPresent() && join.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new ReportConfig(name, druid, sql.get(), params, join));
    }

    /** A list of names, e.g. {@code params: [from, to]}; empty when absent. */
    private static List<String> names(MappingReader r, String key) {
        Optional<YamlNode> node = r.node(key);
        if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node.get() instanceof Sequence seq)) {
            r.fail(node.get(), key, "expected a list of names, e.g. [from, to], found " + node.get().describe());
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof Scalar s && s.text() != null && s.kind() == Scalar.Kind.STRING && !s.text().isBlank()) {
                names.add(s.text());
            } else {
                r.fail(item, key, "expected a name, found " + item.describe());
            }
        }
        return names;
    }
}
