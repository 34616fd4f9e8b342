package io.ferry.genlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures of a {@link GenlogStatus}, each with whether it is exact or an estimate and how it was found. */
public final class StatusFigures {
    /** What logging every statement to a table costs; said wherever the status is shown. */
    public static final String COST_NOTE = "logging every statement to a table can cut a busy server's query throughput"
            + " by tens of percent; rotate or archive often, and turn it off where no audit trail is needed.";

    private StatusFigures() {
    }

    public static List<StatusFigure> of(GenlogStatus s, Optional<StatusReader.RdsStorage> storage) {
        List<StatusFigure> out = new ArrayList<>();
        LogSettings set = s.settings();
        out.add(setting(s.kind().switchVariable(), set.enabled(s.kind()) ? "ON" : "OFF",
                set.enabled(s.kind()) ? "" : "logging is off; turn it on with SET GLOBAL " + s.kind().switchVariable() + " = ON"));
        out.add(setting("log_output", set.logOutput(), set.toTable() ? ""
                : "not a table: SET GLOBAL log_output = 'TABLE' to keep the log as a table"));
        out.add(setting("event_scheduler", set.eventScheduler(), set.schedulerOn() ? ""
                : "scheduled rotation needs it ON: SET GLOBAL event_scheduler = ON (RDS: parameter group)"));
        out.add(setting("rotation", s.flavour().description(), ""));
        if (!set.toTable()) {
            return out;
        }
        out.add(new StatusFigure("rows", String.format(Locale.ROOT, "%,d", s.count().rows()), StatusFigure.Accuracy.EXACT,
                s.count().incremental() ? "counted incrementally (rows newer than " + s.count().checkpoint().countedThrough()
                        + " UTC counted, older ones remembered)" : "counted in full (first count, or the table was rotated since)"));
        out.add(new StatusFigure("bytes", ByteSize.human(s.size().bytes()),
                s.size().exact() ? StatusFigure.Accuracy.EXACT : StatusFigure.Accuracy.ESTIMATE, s.size().method()));
        out.add(setting("engine", s.size().engine(), "CSV".equalsIgnoreCase(s.size().engine())
                ? "CSV metadata lies (TABLE_ROWS=2, DATA_LENGTH=0); converting to MyISAM (logging briefly off) makes it exact" : ""));
        out.add(setting("oldest", s.count().oldest().map(t -> t + " UTC").orElse("-"), ""));
        out.add(setting("newest", s.count().newest().map(t -> t + " UTC").orElse("-"), ""));
        String source = s.growthFromSamples() ? "from Ferry's samples" : "rows spread evenly from oldest to newest";
        out.add(new StatusFigure("growth", s.rowsPerDay().map(r -> String.format(Locale.ROOT, "%,.0f rows/day, %s/day", r,
                ByteSize.human(s.bytesPerDay().orElse(0.0).longValue()))).orElse("-"),
                StatusFigure.Accuracy.ESTIMATE, s.rowsPerDay().isPresent() ? source
                : "not enough history yet (run status again later)"));
        if (storage.isPresent()) {
            out.add(new StatusFigure("RDS rotates at", ByteSize.human(s.rdsThresholdBytes().orElse(0L)), StatusFigure.Accuracy.EXACT,
                    String.format(Locale.ROOT, "20 %% of %.0f GB or 10 GB (10 %% / 5 GB above 90 %% used)",
                            storage.get().allocatedGb())));
            out.add(new StatusFigure("reached", s.rdsCrossing().map(i -> i.toString().substring(0, 10))
                    .orElse("not at the current growth"), StatusFigure.Accuracy.ESTIMATE,
                    "RDS's own rotation keeps one backup and does not wait for Ferry to archive it"));
        } else {
            out.add(setting("RDS rotates at", "-", "give the allocated storage (GB) to project when RDS rotates on its own"));
        }
        return out;
    }

    private static StatusFigure setting(String name, String value, String note) {
        return new StatusFigure(name, value, StatusFigure.Accuracy.SETTING, note);
    }
}
