package io.ferry.replication.mapping;

import io.ferry.replication.TableId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A job's table rules (at most one per source table) and its metadata columns. */
public record TableRules(List<TableRule> tables, MetadataColumns metadata) {
    public static final TableRules NONE = new TableRules(List.of(), MetadataColumns.NONE);

    public TableRules {
        tables = List.copyOf(tables);
        Objects.requireNonNull(metadata, "metadata");
        if (tables.stream().map(TableRule::table).distinct().count() != tables.size()) {
            throw new IllegalArgumentException("Two table rules name the same table");
        }
    }

    public Optional<TableRule> rule(TableId table) {
        return tables.stream().filter(r -> r.table().equals(table)).findFirst();
    }

    /** No rule and no metadata column: every target table is its source table. */
    public boolean isEmpty() {
        return tables.isEmpty() && metadata.isEmpty();
    }
}
