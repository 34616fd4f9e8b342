package io.ferry.replication;

import io.ferry.replication.mapping.TableRules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which source tables a job replicates: {@code schema.table} patterns where {@code *} matches any run of
 * characters and {@code ?} one character (e.g. {@code shop.*}, {@code *.orders}). A table is selected when it
 * matches an include and no exclude. Matching is case-sensitive, like table names on Linux MySQL. It also carries the
 * job's {@link TableRules} (how each selected table maps to its target), so that selecting and planning see them.
 */
public final class TableFilter {
    private final List<String> includes;
    private final List<String> excludes;
    private final List<Pattern> includePatterns;
    private final List<Pattern> excludePatterns;
    private final TableRules rules;

    public TableFilter(List<String> includes, List<String> excludes) {
        this(includes, excludes, TableRules.NONE);
    }

    private TableFilter(List<String> includes, List<String> excludes, TableRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        if (includes.isEmpty()) {
            throw new IllegalArgumentException("Select at least one table: give an include pattern such as 'shop.*'");
        }
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.includePatterns = includes.stream().map(TableFilter::compile).toList();
        this.excludePatterns = excludes.stream().map(TableFilter::compile).toList();
    }

    /** Parses a comma-separated list of patterns; those starting with {@code !} are excludes. */
    public static TableFilter parse(String patterns) {
        List<String> all = List.of(patterns.split(","));
        List<String> inc = all.stream().map(String::trim).filter(p -> !p.isEmpty() && !p.startsWith("!")).toList();
        List<String> exc = all.stream().map(String::trim).filter(p -> p.startsWith("!")).map(p -> p.substring(1)).toList();
        return new TableFilter(inc, exc);
    }

    /** The same selection with these table rules. */
    public TableFilter withRules(TableRules tableRules) {
        return new TableFilter(includes, excludes, tableRules);
    }

    public TableRules rules() {
        return rules;
    }

    public List<String> includes() {
        return includes;
    }

    public List<String> excludes() {
        return excludes;
    }

    public boolean matches(TableId table) {
        String name = table.schema() + "." + table.table();
        return includePatterns.stream().anyMatch(p -> p.matcher(name).matches())
                && excludePatterns.stream().noneMatch(p -> p.matcher(name).matches());
    }

    public List<TableId> select(List<TableId> tables) {
        return tables.stream().filter(this::matches).sorted().toList();
    }

    private static Pattern compile(String glob) {
        if (!glob.contains(".")) {
            throw new IllegalArgumentException("A table pattern is schema.table (e.g. shop.* or shop.orders), got '" + glob + "'");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return String.join(",", includes) + (excludes.isEmpty() ? "" : ",!" + String.join(",!", excludes));
    }
}
