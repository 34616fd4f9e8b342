package io.ferry.cli;

import io.ferry.druid.ServerInfo;
import io.ferry.druid.TaskStatus;
import io.ferry.druid.status.DatasourceStatus;
import io.ferry.druid.status.DruidStatus;
import io.ferry.druid.status.SupervisorHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code ferry druid status} as text: datasources, supervisors, running tasks, data servers. */
final class DruidStatusText {
    private DruidStatusText() {
    }

    static String render(DruidStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("Datasources (").append(status.datasources().size()).append(")\n");
        if (status.datasources().isEmpty()) {
            out.append("  none\n");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("DATASOURCE", "LOADED", "PENDING", "SEGMENTS BY TIER", "SUPERVISOR"));
        for (DatasourceStatus ds : status.datasources()) {
            rows.add(List.of(ds.dataSource(), String.format(Locale.ROOT, "%.1f%%", ds.loadedPercent()), counts(ds.pendingByTier()),
                    counts(ds.segmentsByTier()), ds.supervisors().isEmpty() ? "-"
                            : ds.supervisors().stream().map(SupervisorHealth::state).collect(Collectors.joining(", "))));
        }
        if (!status.datasources().isEmpty()) {
            out.append(indent(Table.render(rows)));
        }
        for (DatasourceStatus ds : status.datasources()) {
            out.append("  ").append(ds.dataSource()).append(": load rules").append(ds.rules().fromDefault() ? " (cluster default)" : "")
                    .append(": ").append(ds.rules().rules().isEmpty() ? "none" : String.join("; ", ds.rules().rules())).append('\n');
            out.append("  ").append(ds.dataSource()).append(": auto-compaction ")
                    .append(ds.compaction().configured() ? "on, skipOffsetFromLatest " + ds.compaction().skipOffsetFromLatest() : "off")
                    .append('\n');
            ds.compaction().warning().ifPresent(w -> out.append("  WARNING ").append(ds.dataSource()).append(": ").append(w).append('\n'));
        }

        out.append("\nSupervisors (").append(status.supervisors().size()).append(")\n");
        if (status.supervisors().isEmpty()) {
            out.append("  none\n");
        } else {
            List<List<String>> sup = new ArrayList<>();
            sup.add(List.of("SUPERVISOR", "DATASOURCE", "STATE", "DETAILED", "HEALTHY", "LAG", "EVENTS/S"));
            for (SupervisorHealth s : status.supervisors()) {
                sup.add(List.of(s.id(), s.dataSource(), s.suspended() ? s.state() + " (suspended)" : s.state(), s.detailedState(),
                        s.healthy() ? "yes" : "no", s.aggregateLag() == null ? "-" : String.format(Locale.ROOT, "%,d", s.aggregateLag()),
                        s.eventsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.eventsPerSecond())));
            }
            out.append(indent(Table.render(sup)));
        }

        out.append("\nRunning tasks (").append(status.runningTasks().size()).append(")\n");
        if (status.runningTasks().isEmpty()) {
            out.append("  none\n");
        } else {
            List<List<String>> tasks = new ArrayList<>();
            tasks.add(List.of("TASK", "TYPE", "DATASOURCE", "WHERE", "CREATED"));
            for (TaskStatus t : status.runningTasks()) {
                tasks.add(List.of(t.id(), nz(t.type()), nz(t.dataSource()), nz(t.runnerStatusCode()), nz(t.createdTime())));
            }
            out.append(indent(Table.render(tasks)));
        }

        out.append("\nData servers (").append(status.servers().size()).append(")\n");
        List<List<String>> servers = new ArrayList<>();
        servers.add(List.of("SERVER", "TYPE", "TIER", "USED", "CAPACITY"));
        for (ServerInfo s : status.servers()) {
            servers.add(List.of(nz(s.host()), nz(s.type()), nz(s.tier()), Bytes.human(s.currSize()), Bytes.human(s.maxSize())));
        }
        out.append(indent(Table.render(servers)));
        return out.toString();
    }

    private static String counts(Map<String, Long> byTier) {
        return byTier.isEmpty() ? "-" : byTier.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
