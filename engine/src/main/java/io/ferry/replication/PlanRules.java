package io.ferry.replication;

import io.ferry.replication.mapping.JobMapping;
import io.ferry.replication.mapping.MetadataColumns;
import io.ferry.replication.mapping.TableMapping;
import io.ferry.replication.mapping.TableRule;

import java.util.ArrayList;
import java.util.List;

/** The "Table rules" part of {@code ferry plan}: each rule, the metadata columns, and soft delete. */
final class PlanRules {
    private PlanRules() {
    }

    static List<String> describe(JobMapping mapping) {
        List<String> out = new ArrayList<>();
        if (mapping.rules().isEmpty()) {
            return out;
        }
        out.add("");
        out.add("Table rules:");
        for (TableRule rule : mapping.rules().tables()) {
            TableMapping m = mapping.tables().get(rule.table());
            out.add("  " + rule.describe() + (m == null ? "" : "  (target table " + m.target().id().table() + ")"));
        }
        MetadataColumns meta = mapping.rules().metadata();
        if (!meta.isEmpty()) {
            List<String> cols = new ArrayList<>();
            if (meta.operation() != null) {
                cols.add(meta.operation() + " (I/U/D, L for full-load rows)");
            }
            if (meta.commitTime() != null) {
                cols.add(meta.commitTime() + " (source commit time, whole seconds; load time for full-load rows)");
            }
            if (meta.deleted() != null) {
                cols.add(meta.deleted() + " (soft delete: a source delete marks the row instead of deleting it)");
            }
            out.add("  Metadata columns on every table: " + String.join(", ", cols));
        }
        return out;
    }
}
