package io.ferry.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MySQL GTID set, {@code uuid:1-5:7,uuid2:1-3} (MySQL's format; MariaDB's GTIDs are {@link MariaDbGtid}s): per
 * source server UUID (with its tag, {@code uuid:tag}, from MySQL 8.3), the transaction numbers executed, as
 * disjoint, merged intervals. Immutable; {@link #toString()} is the canonical text MySQL prints and
 * {@code BinaryLogClient.setGtidSet} reads.
 */
public final class MySqlGtidSet {
    public static final MySqlGtidSet EMPTY = new MySqlGtidSet(new TreeMap<>());

    /** An inclusive range of transaction numbers. */
    private record Interval(long start, long end) {
    }

    private final TreeMap<String, List<Interval>> sets;

    private MySqlGtidSet(TreeMap<String, List<Interval>> sets) {
        this.sets = sets;
    }

    /** Parses MySQL's text ({@code @@gtid_executed}, {@code Executed_Gtid_Set}); line breaks and blanks are ignored. */
    public static MySqlGtidSet parse(String text) {
        MySqlGtidSet set = EMPTY;
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return set;
        }
        for (String part : compact.split(",")) {
            String[] tokens = part.split(":");
            if (tokens.length < 2 || !tokens[0].matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                throw new IllegalArgumentException("A MySQL GTID set is uuid:interval[:interval...][,uuid:...] "
                        + "(e.g. 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5), got '" + part + "' in '" + text + "'");
            }
            String uuid = tokens[0].toLowerCase(Locale.ROOT);
            String key = uuid;
            for (int i = 1; i < tokens.length; i++) {
                String t = tokens[i];
                if (t.matches("[a-z_][a-z0-9_]{0,31}")) {
                    key = uuid + ":" + t; // a tag: the intervals after it are of uuid:tag
                    continue;
                }
                String[] range = t.split("-");
                try {
                    long start = Long.parseLong(range[0]);
                    long end = range.length == 2 ? Long.parseLong(range[1]) : start;
                    if (range.length > 2 || start < 1 || end < start) {
                        throw new NumberFormatException();
                    }
                    set = set.withRange(key, start, end);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + t + "' in MySQL GTID set '" + text + "' is not an interval n or n-m "
                            + "of transaction numbers from 1");
                }
            }
        }
        return set;
    }

    /** This set with transaction {@code number} of {@code uuid} (or {@code uuid:tag}) added. */
    public MySqlGtidSet with(String uuid, long number) {
        return withRange(uuid.toLowerCase(Locale.ROOT), number, number);
    }

    private MySqlGtidSet withRange(String key, long start, long end) {
        TreeMap<String, List<Interval>> copy = new TreeMap<>(sets);
        List<Interval> merged = new ArrayList<>();
        Interval add = new Interval(start, end);
        for (Interval i : copy.getOrDefault(key, List.of())) {
            if (i.end() + 1 < add.start() || add.end() + 1 < i.start()) {
                merged.add(i);
            } else {
                add = new Interval(Math.min(i.start(), add.start()), Math.max(i.end(), add.end()));
            }
        }
        merged.add(add);
        merged.sort((a, b) -> Long.compare(a.start(), b.start()));
        copy.put(key, List.copyOf(merged));
        return new MySqlGtidSet(copy);
    }

    public boolean isEmpty() {
        return sets.isEmpty();
    }

    /** Whether transaction {@code number} of {@code uuid} is in the set. */
    public boolean contains(String uuid, long number) {
        return sets.getOrDefault(uuid.toLowerCase(Locale.ROOT), List.of()).stream()
                .anyMatch(i -> i.start() <= number && number <= i.end());
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Interval>> e : sets.entrySet()) {
            StringBuilder b = new StringBuilder(e.getKey());
            for (Interval i : e.getValue()) {
                b.append(':').append(i.start());
                if (i.end() != i.start()) {
                    b.append('-').append(i.end());
                }
            }
            parts.add(b.toString());
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MySqlGtidSet other && other.sets.equals(sets);
    }

    @Override
    public int hashCode() {
        return sets.hashCode();
    }
}
