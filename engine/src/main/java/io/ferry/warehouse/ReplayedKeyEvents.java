package io.ferry.warehouse;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A replayed batch that also keeps, in order, the deletions and key changes of the tables cascading foreign keys
 * reference ({@link KeyEvents}), numbered as {@link ReplayedStaging} numbers the changes (1, 2, … over the batch), so
 * that {@link Cascades} can repeat the actions after the replayed changes are staged. Only those events stay in
 * memory, never the batch's rows.
 */
final class ReplayedKeyEvents implements ChangeReplay {
    private final ChangeReplay changes;
    private final Map<TableId, CollapsedTable> parents = new LinkedHashMap<>();
    private long seq;

    ReplayedKeyEvents(ChangeReplay changes, CascadePlan plan, Map<TableId, TableSchema> schemas) {
        this.changes = changes;
        for (TableId parent : plan.parents()) {
            TableSchema schema = schemas.get(parent);
            if (schema != null) {
                parents.put(parent, new CollapsedTable(schema, plan.referencedKeys(parent)));
            }
        }
    }

    @Override
    public void replay(Sink sink) throws IOException, SQLException {
        seq = 0;
        changes.replay(change -> {
            seq++;
            CollapsedTable parent = parents.get(change.table());
            if (parent != null && parent.keyEvents() != null) {
                parent.keyEvents().add(change, seq);
            }
            sink.accept(change);
        });
    }

    /** The referenced tables with their events (no rows), for {@link Cascades#run}. */
    Collection<CollapsedTable> tables() {
        return parents.values();
    }
}
