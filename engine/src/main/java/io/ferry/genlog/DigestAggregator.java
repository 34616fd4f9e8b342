package io.ferry.genlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups log rows like {@code pt-query-digest}: by fingerprint (or by user, host or database), with count, first
 * and last seen, top users and hosts, and an example. Feed rows with {@link #accept}; one instance per thread.
 * The database of a row is the one its connection last chose (Connect ... on db, Init DB).
 */
public final class DigestAggregator implements LogRowSink {
    private static final int TOP = 3;

    private final DigestKey by;
    private final LogFilter filter;
    private final Fingerprint fingerprint = new Fingerprint();
    private final Map<String, Acc> groups = new HashMap<>();
    private final Map<Long, String> databaseOfThread = new HashMap<>();
    private long rows;
    private long matched;

    public DigestAggregator(DigestKey by, LogFilter filter) {
        this.by = by;
        this.filter = filter;
    }

    private static final class Acc {
        long count;
        String first;
        String last;
        String example;
        final Map<String, long[]> userHosts = new HashMap<>(4);
    }

    @Override
    public boolean accept(LogRow row) {
        rows++;
        if (by == DigestKey.DATABASE) {
            trackDatabase(row);
        }
        if (!filter.isAll() && !filter.matches(row)) {
            return true;
        }
        matched++;
        String key = switch (by) {
            case FINGERPRINT -> isStatement(row.commandType()) ? fingerprint.of(row.argument()) : "[" + row.commandType() + "]";
            case USER -> row.user();
            case HOST -> row.host();
            case DATABASE -> databaseOfThread.getOrDefault(row.threadId(), "(none)");
        };
        Acc acc = groups.get(key);
        if (acc == null) {
            acc = new Acc();
            acc.first = row.eventTime();
            acc.last = row.eventTime();
            groups.put(key, acc);
        }
        acc.count++;
        String t = row.eventTime();
        if (t.compareTo(acc.first) < 0) {
            acc.first = t;
        }
        if (t.compareTo(acc.last) >= 0) {
            acc.last = t;
            acc.example = row.argument();
        }
        long[] c = acc.userHosts.get(row.userHost());
        if (c == null) {
            acc.userHosts.put(row.userHost(), new long[]{1});
        } else {
            c[0]++;
        }
        return true;
    }

    private void trackDatabase(LogRow row) {
        String cmd = row.commandType();
        if ("Init DB".equals(cmd)) {
            databaseOfThread.put(row.threadId(), row.argument());
        } else if ("Connect".equals(cmd)) {
            int on = row.argument().indexOf(" on ");
            if (on >= 0) {
                int end = row.argument().indexOf(' ', on + 4);
                String db = (end < 0 ? row.argument().substring(on + 4) : row.argument().substring(on + 4, end)).trim();
                databaseOfThread.put(row.threadId(), db.isEmpty() ? "(none)" : db);
            }
        } else if ("Quit".equals(cmd)) {
            databaseOfThread.remove(row.threadId());
        }
    }

    private static boolean isStatement(String commandType) {
        return "Query".equals(commandType) || "Execute".equals(commandType) || "Prepare".equals(commandType);
    }

    /** Rows seen. */
    public long rows() {
        return rows;
    }

    /** Rows that passed the filter. */
    public long matched() {
        return matched;
    }

    /** Adds another aggregator's groups (same key) into this one. */
    public void merge(DigestAggregator other) {
        rows += other.rows;
        matched += other.matched;
        other.groups.forEach((k, o) -> {
            Acc acc = groups.get(k);
            if (acc == null) {
                groups.put(k, o);
                return;
            }
            acc.count += o.count;
            if (o.first.compareTo(acc.first) < 0) {
                acc.first = o.first;
            }
            if (o.last.compareTo(acc.last) >= 0) {
                acc.last = o.last;
                acc.example = o.example;
            }
            o.userHosts.forEach((uh, c) -> acc.userHosts.computeIfAbsent(uh, x -> new long[1])[0] += c[0]);
        });
    }

    /** The groups, most rows first. */
    public List<DigestGroup> groups() {
        List<DigestGroup> out = new ArrayList<>(groups.size());
        groups.forEach((key, acc) -> {
            Map<String, Long> users = new HashMap<>();
            Map<String, Long> hosts = new HashMap<>();
            acc.userHosts.forEach((uh, c) -> {
                LogRow probe = new LogRow("", uh, 0, 0, "", "");
                users.merge(probe.user(), c[0], Long::sum);
                hosts.merge(probe.host(), c[0], Long::sum);
            });
            out.add(new DigestGroup(key, acc.count, acc.first, acc.last, top(users), top(hosts), acc.example));
        });
        out.sort(Comparator.comparingLong(DigestGroup::count).reversed().thenComparing(DigestGroup::key));
        return out;
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
}
