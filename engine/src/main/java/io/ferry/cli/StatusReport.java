package io.ferry.cli;

import io.ferry.genlog.GenlogStatus;
import io.ferry.genlog.LogSettings;
import io.ferry.genlog.StatusReader;

import java.util.Locale;
import java.util.Optional;

/** Renders a {@link GenlogStatus} as the lines of {@code ferry genlog status}. */
final class StatusReport {
    private StatusReport() {
    }

    static String render(GenlogStatus s, Optional<StatusReader.RdsStorage> storage) {
        StringBuilder b = new StringBuilder();
        LogSettings set = s.settings();
        b.append(s.connection()).append(" - mysql.").append(s.kind().table()).append(" (").append(set.version()).append(")\n");
        line(b, s.kind().switchVariable(), set.enabled(s.kind()) ? "ON" : "OFF",
                set.enabled(s.kind()) ? "" : "logging is off; turn it on with SET GLOBAL " + s.kind().switchVariable() + " = ON");
        line(b, "log_output", set.logOutput(), set.toTable() ? "" : "not a table: SET GLOBAL log_output = 'TABLE' to keep the log as a table");
        line(b, "event_scheduler", set.eventScheduler(), set.schedulerOn() ? ""
                : "scheduled rotation needs it ON: SET GLOBAL event_scheduler = ON (RDS: parameter group)");
        line(b, "rotation", s.flavour().description(), "");
        if (!set.toTable()) {
            return b.toString();
        }
        boolean exactEngine = "MyISAM".equalsIgnoreCase(s.size().engine()) || "Aria".equalsIgnoreCase(s.size().engine());
        line(b, "rows", String.format(Locale.ROOT, "%,d", s.count().rows()), "exact; " + (exactEngine
                ? s.size().engine() + " keeps the row count (read, not counted)" : s.count().incremental()
                ? "counted incrementally (rows newer than " + s.count().checkpoint().countedThrough()
                + " UTC counted, older ones remembered)" : "counted in full (first count, or the table was rotated since)"));
        line(b, "bytes", Bytes.human(s.size().bytes()), (s.size().exact() ? "exact: " : "estimate: ") + s.size().method());
        line(b, "engine", s.size().engine(), "CSV".equalsIgnoreCase(s.size().engine())
                ? "CSV metadata lies (TABLE_ROWS=2, DATA_LENGTH=0); ferry genlog convert --engine myisam (logging briefly off) makes it exact" : "");
        line(b, "oldest", s.count().oldest().map(t -> t + " UTC").orElse("-"), "");
        line(b, "newest", s.count().newest().map(t -> t + " UTC").orElse("-"), "");
        String source = s.growthFromSamples() ? "estimate from Ferry's samples" : "estimate: rows spread evenly from oldest to newest";
        line(b, "growth", s.rowsPerDay().map(r -> String.format(Locale.ROOT, "%,.0f rows/day, %s/day", r,
                Bytes.human(s.bytesPerDay().orElse(0.0).longValue()))).orElse("-"), s.rowsPerDay().isPresent() ? source
                : "not enough history yet (run status again later)");
        if (storage.isPresent()) {
            String threshold = Bytes.human(s.rdsThresholdBytes().orElse(0L));
            line(b, "RDS rotates at", threshold, String.format(Locale.ROOT, "20 %% of %.0f GB or 10 GB (10 %% / 5 GB above 90 %% used)",
                    storage.get().allocatedGb()));
            line(b, "reached", s.rdsCrossing().map(i -> i.toString().substring(0, 10)).orElse("not at the current growth"),
                    "estimate; RDS's own rotation keeps one backup and does not wait for Ferry to archive it");
        } else {
            line(b, "RDS rotates at", "-", "give --allocated-storage-gb GB to project when RDS rotates on its own");
        }
        b.append("  note: logging every statement to a table can cut a busy server's query throughput by tens of percent;\n")
                .append("        rotate or archive often, and turn it off where no audit trail is needed.\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value, String note) {
        b.append(String.format(Locale.ROOT, "  %-16s %-22s %s", key, value, note).stripTrailing()).append('\n');
    }
}
