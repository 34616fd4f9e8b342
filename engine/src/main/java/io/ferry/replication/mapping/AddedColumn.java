package io.ferry.replication.mapping;

import java.util.Objects;

/**
 * A column a table rule adds to the target table: a text constant, or one of the {@link ColumnExpression}s (exactly
 * one of the two is set).
 */
public record AddedColumn(String name, String constant, ColumnExpression expression) {
    public AddedColumn {
        Objects.requireNonNull(name, "name");
        if ((constant == null) == (expression == null)) {
            throw new IllegalArgumentException("Added column " + name + " needs a constant or an expression, not both");
        }
    }

    public static AddedColumn constant(String name, String value) {
        return new AddedColumn(name, value, null);
    }

    public static AddedColumn of(String name, ColumnExpression expression) {
        return new AddedColumn(name, null, expression);
    }

    @Override
    public String toString() {
        return name + " = " + (constant != null ? "'" + constant.replace("'", "''") + "'" : expression.word());
    }
}
