package io.ferry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.druid.reindex.ChunkFigures;
import io.ferry.druid.reindex.ChunkRecord;
import io.ferry.druid.reindex.HourInput;
import io.ferry.druid.reindex.ReindexPlan;
import io.ferry.druid.reindex.RunRecord;
import io.ferry.druid.reindex.StepRecord;
import io.ferry.druid.reindex.TaskRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text rendering of re-index plans, runs and the run history. */
final class ReindexText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReindexText() {
    }

    static String plan(ReindexPlan p) {
        StringBuilder out = new StringBuilder();
        out.append("Interval ").append(p.interval()).append(": ")
                .append(p.closed() ? "closed since " + p.closesAt() : "not closed until " + p.closesAt()).append('\n');
        out.append("  timing: ").append(p.timing()).append('\n');
        out.append(String.format(Locale.ROOT, "  input: %d file(s), %s, %s%n", p.input().files(), Bytes.human(p.input().bytes()),
                p.input().complete() ? "complete" : "PARTIAL"));
        for (HourInput h : p.input().hours()) {
            out.append(String.format(Locale.ROOT, "    %s  %3d part(s)  %10s  %s%n", h.hour(), h.parts().size(), Bytes.human(h.bytes()),
                    h.manifest().map(m -> String.format(Locale.ROOT, "manifest: %,d events", m.events())).orElse("no manifest")));
        }
        out.append("  staging: ").append(p.staging()).append('\n');
        out.append("  task:\n");
        try {
            for (String line : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(p.task()).split("\n")) {
                out.append("    ").append(line).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.append(p.runnable() ? "  => would run\n" : "  => REFUSED: " + String.join("; ", p.problems()) + "\n");
        return out.toString();
    }

    static String run(RunRecord r) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(r.id()).append(" of ").append(r.job()).append(", ").append(r.datasource()).append(' ')
                .append(r.interval()).append(": ").append(r.status());
        if (r.finishedAt() != null) {
            out.append(" in ").append(seconds(Duration.between(r.startedAt(), r.finishedAt())));
        }
        out.append('\n');
        if (r.error() != null) {
            out.append("  error: ").append(r.error()).append('\n');
        }
        if (!r.steps().isEmpty()) {
            List<String> steps = new ArrayList<>();
            for (StepRecord s : r.steps()) {
                steps.add(s.step() + " " + s.status().name().toLowerCase(Locale.ROOT)
                        + (s.took() == null ? "" : " " + seconds(s.took())) + (s.attempts() > 1 ? " (" + s.attempts() + " attempts)" : ""));
            }
            out.append("  steps: ").append(String.join(", ", steps)).append('\n');
        }
        if (r.inputFiles() != null) {
            out.append(String.format(Locale.ROOT, "  input: %d file(s), %s%s%n", r.inputFiles(), Bytes.human(r.inputBytes() == null ? 0 : r.inputBytes()),
                    r.rowsOut() == null ? "" : String.format(Locale.ROOT, "; flattened %,d of %,d events (%,d rejected)",
                            r.rowsOut(), r.rowsIn(), r.rowsRejected())));
        }
        for (TaskRecord t : r.tasks()) {
            out.append("  task ").append(t.taskId()).append(": ").append(t.status())
                    .append(t.error() == null ? "" : " - " + t.error()).append('\n');
        }
        if (!r.versions().isEmpty()) {
            out.append("  versions produced: ").append(String.join(", ", r.versions())).append('\n');
        }
        if (!r.chunks().isEmpty()) {
            out.append(chunks(r.chunks()).indent(2));
        }
        return out.toString();
    }

    static String history(List<RunRecord> runs, boolean withChunks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RUN", "JOB", "INTERVAL", "STATUS", "STARTED", "TOOK", "REAL-TIME", "BATCH", "BATCH-RT", "TASKS", "ERROR"));
        for (RunRecord r : runs) {
            rows.add(List.of(String.valueOf(r.id()), r.job(), r.interval().toString(), r.status().name(), r.startedAt().toString(),
                    r.finishedAt() == null ? "-" : seconds(Duration.between(r.startedAt(), r.finishedAt())),
                    number(r.realtimeEvents()), number(r.batchEvents()), signed(r.eventDifference()),
                    String.valueOf(r.tasks().size()), r.error() == null ? "" : shorten(r.error(), 80)));
        }
        StringBuilder out = new StringBuilder(Table.render(rows));
        if (withChunks) {
            for (RunRecord r : runs) {
                if (!r.chunks().isEmpty()) {
                    out.append("\nRun ").append(r.id()).append(" by chunk:\n").append(chunks(r.chunks()).indent(2));
                }
            }
        }
        return out.toString();
    }

    private static String chunks(List<ChunkRecord> chunks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CHUNK", "REAL-TIME EVENTS", "BATCH EVENTS", "BATCH-RT", "REAL-TIME SUMS", "BATCH SUMS", "DRUID AFTER"));
        for (ChunkRecord c : chunks) {
            rows.add(List.of(c.chunk().toString(), events(c.realtime()), events(c.input()), signed(c.eventDifference()),
                    sums(c.realtime()), sums(c.input()), events(c.druid())));
        }
        return Table.render(rows);
    }

    private static String events(ChunkFigures f) {
        return f == null ? "-" : String.format(Locale.ROOT, "%,d", f.events());
    }

    private static String sums(ChunkFigures f) {
        return f == null ? "-" : f.sums().toString();
    }

    private static String number(Long n) {
        return n == null ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String signed(Long n) {
        return n == null ? "-" : String.format(Locale.ROOT, "%+,d", n);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
