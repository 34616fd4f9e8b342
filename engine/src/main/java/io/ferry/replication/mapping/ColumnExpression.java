package io.ferry.replication.mapping;

import java.util.Arrays;
import java.util.Optional;

/**
 * The values an added column can take besides a constant: a small fixed set, not an evaluator. Each is written in
 * ferry.yaml as its word ({@code value: commit_time}).
 */
public enum ColumnExpression {
    /** The source transaction's commit time (TIMESTAMPTZ; whole seconds from the binlog, the load time for full-load rows). */
    COMMIT_TIME("commit_time"),
    /** The replication job's name. */
    JOB("job"),
    /** The source table as {@code schema.table}. */
    SOURCE_TABLE("source_table"),
    /** The source table's schema (database). */
    SOURCE_SCHEMA("source_schema");

    private final String word;

    ColumnExpression(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<ColumnExpression> parse(String word) {
        return Arrays.stream(values()).filter(e -> e.word.equals(word)).findFirst();
    }

    /** The words, for messages: {@code commit_time, job, source_table, source_schema}. */
    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(ColumnExpression::word).toList());
    }
}
