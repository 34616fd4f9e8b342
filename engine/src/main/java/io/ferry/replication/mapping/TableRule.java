package io.ferry.replication.mapping;

import io.ferry.replication.TableId;
import io.ferry.warehouse.TargetPreparation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one source table maps to its target table, like a DMS table mapping: a new table name (null: the same),
 * columns renamed (source name → target name), columns dropped, columns added after the source columns, and what the
 * first run does to the target table (null: the job's {@code targetPreparation}).
 */
public record TableRule(TableId table, String rename, Map<String, String> renameColumns, List<String> dropColumns,
                        List<AddedColumn> addColumns, TargetPreparation preparation) {
    /** A rule that prepares the target as the job does. */
    public TableRule(TableId table, String rename, Map<String, String> renameColumns, List<String> dropColumns,
                     List<AddedColumn> addColumns) {
        this(table, rename, renameColumns, dropColumns, addColumns, null);
    }

    public TableRule {
        Objects.requireNonNull(table, "table");
        renameColumns = Map.copyOf(renameColumns);
        dropColumns = List.copyOf(dropColumns);
        addColumns = List.copyOf(addColumns);
    }

    /** The rule in one line, for {@code ferry plan}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (rename != null) {
            parts.add("table → " + rename);
        }
        renameColumns.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + " → " + e.getValue()));
        dropColumns.forEach(c -> parts.add("drop " + c));
        addColumns.forEach(c -> parts.add("add " + c));
        if (preparation != null) {
            parts.add("target " + preparation.word());
        }
        return table + ": " + (parts.isEmpty() ? "as is" : String.join(", ", parts));
    }
}
