package io.ferry.replication;

import java.util.List;
import java.util.Locale;

/**
 * A foreign key between two source tables with what InnoDB does to the child rows when a parent row is deleted or
 * re-keyed. InnoDB applies those actions inside the storage engine: they never reach the binlog, so Ferry applies
 * them to the warehouse itself ({@code CascadePlan}).
 */
public record ForeignKey(String name, TableId child, List<String> childColumns, TableId parent, List<String> parentColumns,
                         Action onDelete, Action onUpdate) {
    public enum Action {
        CASCADE, SET_NULL, RESTRICT, NO_ACTION, SET_DEFAULT;

        public static Action parse(String rule) {
            return valueOf(rule.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        }

        /** Whether the action changes child rows (the others only refuse the parent's change). */
        public boolean changesChildren() {
            return this == CASCADE || this == SET_NULL || this == SET_DEFAULT;
        }
    }

    public ForeignKey {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
        if (childColumns.size() != parentColumns.size() || childColumns.isEmpty()) {
            throw new IllegalArgumentException("Foreign key " + name + " of " + child + " has mismatched columns");
        }
    }

    @Override
    public String toString() {
        return name + " (" + child + " " + childColumns + " → " + parent + " " + parentColumns + ", ON DELETE " + onDelete
                + ", ON UPDATE " + onUpdate + ")";
    }
}
