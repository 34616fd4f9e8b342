package io.ferry.replication;

import io.ferry.replication.metrics.MetricsSample;

import java.util.Locale;

/**
 * The one-line live status of a job, from the same one-second sample the console charts: state, rows/s in (read
 * from the source) and out (applied), backlog, source lag (seconds and bytes behind the binlog head), apply lag
 * (source commit → warehouse commit), totals and the checkpoint position.
 */
public final class ReplicationStatusLine {
    private ReplicationStatusLine() {
    }

    public static String format(MetricsSample s, ReplicationMetrics metrics) {
        BinlogPosition at = metrics.position();
        return String.format(Locale.ROOT, "%-9s %,9d rows/s in %,9d out  backlog %,d txns (%,d rows)  source lag %s"
                        + "  apply lag %s  loaded %,d  changes %,d  batches %,d  at %s%s%s%s%s",
                s.state(), Math.round(s.rowsInPerSecond()), Math.round(s.rowsOutPerSecond()), s.backlogTransactions(),
                s.backlogRows(), sourceLag(s), applyLag(s.applyLagMillis()), metrics.snapshotRows(),
                metrics.changesApplied(), s.batches(), at == null ? "-" : at.file() + ":" + at.offset(),
                s.purgeHorizon() == null ? "" : "  " + s.purgeHorizon().statusText(), suspended(metrics),
                zeroDatesNulled(metrics),
                s.lastError() == null ? "" : "  error: " + s.lastError()) + loading(metrics);
    }

    /** The tables being loaded: rows done of the estimate, rate and time left. */
    static String loading(ReplicationMetrics metrics) {
        StringBuilder out = new StringBuilder();
        metrics.tables().forEach((table, m) -> {
            if (m.state() != TableMetrics.State.LOADING) {
                return;
            }
            out.append(String.format(Locale.ROOT, "  loading %s %,d", table, m.loadedRows()));
            if (m.estimatedRows() >= 0) {
                out.append(String.format(Locale.ROOT, "/~%,d (%d %%)", m.estimatedRows(), Math.max(0, m.loadPercent())));
            }
            if (m.loadRate() > 0) {
                out.append(String.format(Locale.ROOT, " %,d rows/s", Math.round(m.loadRate())));
            }
            java.time.Duration eta = m.loadEta();
            if (eta != null) {
                out.append(" ETA ").append(eta.toSeconds()).append(" s");
            }
        });
        return out.toString();
    }

    /** "  SUSPENDED shop.a, shop.b" for the tables an error policy set aside, else empty. */
    static String suspended(ReplicationMetrics metrics) {
        String tables = metrics.tables().entrySet().stream()
                .filter(e -> e.getValue().state() == TableMetrics.State.SUSPENDED)
                .map(e -> e.getKey().toString()).collect(java.util.stream.Collectors.joining(", "));
        return tables.isEmpty() ? "" : "  SUSPENDED " + tables;
    }

    /** Zero dates written as NULL, per table, when there are any ({@code zeroDates: null}). */
    static String zeroDatesNulled(ReplicationMetrics metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.tables().forEach((t, m) -> {
            if (m.zeroDatesNulled() > 0) {
                sb.append(sb.isEmpty() ? "  zero dates nulled " : ", ").append(t).append(' ').append(m.zeroDatesNulled());
            }
        });
        return sb.toString();
    }

    static String sourceLag(MetricsSample s) {
        String seconds = s.sourceLagSeconds() < 0 ? "?" : s.sourceLagMillis() >= 0
                ? String.format(Locale.ROOT, "%.1f s", s.sourceLagMillis() / 1000.0) : s.sourceLagSeconds() + " s";
        return s.sourceLagBytes() < 0 ? seconds : String.format(Locale.ROOT, "%s (%,d bytes)", seconds, s.sourceLagBytes());
    }

    static String applyLag(long millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
