package io.ferry.warehouse;

import io.ferry.replication.RowChange;
import io.ferry.replication.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deletions and key changes of a parent table in one batch, in order, for the foreign-key actions InnoDB
 * performed without logging them. Collapsing keeps only each row's final state; a cascade needs every step (a key
 * deleted, re-inserted and re-keyed within the batch affects the children that existed at each step), so a parent
 * table records them here: every DELETE, and every UPDATE that changes one of the referenced keys.
 */
public final class KeyEvents {
    /** One step: at {@code seq}, the row {@code before} was deleted ({@code after} null) or became {@code after}. */
    public record Event(long seq, Object[] before, Object[] after) {
        public boolean isDelete() {
            return after == null;
        }
    }

    private final int[] watched;
    private final List<Event> events = new ArrayList<>();

    /** @param referencedKeys the column lists of the table that cascading foreign keys reference */
    public KeyEvents(TableSchema schema, List<List<String>> referencedKeys) {
        this.watched = referencedKeys.stream().flatMap(List::stream).distinct().mapToInt(schema::indexOf).toArray();
    }

    void add(RowChange change, long seq) {
        switch (change.operation()) {
            case DELETE -> events.add(new Event(seq, change.before(), null));
            case UPDATE -> {
                for (int i : watched) {
                    if (!Objects.deepEquals(change.before()[i], change.after()[i])) {
                        events.add(new Event(seq, change.before(), change.after()));
                        return;
                    }
                }
            }
            case INSERT -> {
            }
        }
    }

    /**
     * The steps that concern the key made of the columns at {@code indexes}: deletions, and updates that change it;
     * a row whose key had a NULL (which no child can reference) is left out.
     */
    public List<Event> of(int[] indexes) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            boolean nullKey = false;
            boolean changed = e.isDelete();
            for (int i : indexes) {
                nullKey |= e.before()[i] == null;
                changed |= !e.isDelete() && !Objects.deepEquals(e.before()[i], e.after()[i]);
            }
            if (changed && !nullKey) {
                out.add(e);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
