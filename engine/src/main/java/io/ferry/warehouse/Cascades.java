package io.ferry.warehouse;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.ForeignKey;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeats in the warehouse, inside the batch's transaction and after the tables' rows are applied, the foreign-key
 * actions InnoDB performed without logging them (ON DELETE / ON UPDATE CASCADE and SET NULL, keys referencing a
 * primary or a unique key, trees). Collapsing loses the order between tables, so each parent's deletions and key
 * changes are loaded in order into an events table, and each child row steps through the events on the key it
 * references that came after its own last change in the batch (a row the batch wrote after its parent was deleted
 * was written once the parent had come back, so the source has it). A child deleted by a cascade becomes an event
 * for its own children, and for a table that references itself the next level of the tree, until none is left.
 * The SQL is in {@link CascadeStatements}; only how a temporary table is made and loaded differs per warehouse.
 */
public final class Cascades {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cascades.class);

    /** What differs between warehouses. */
    public interface Flavour {
        /** The statement creating a temporary table {@code name} (quoted) from {@code select}. */
        String createTempAs(String name, String select);

        /** Whether the temporary tables must be dropped at the end (they outlive the transaction). */
        boolean dropsTemps();

        /** Loads the events of {@code parent}'s key made of the columns at {@code key} into {@code table}. */
        void loadEvents(Connection connection, String table, List<String> columns, TableSchema parent, int[] key,
                        List<KeyEvents.Event> events) throws SQLException;
    }

    private final Connection connection;
    private final CascadePlan plan;
    private final Flavour flavour;
    private final CascadeStatements sql;
    private final Map<TableId, String> stages;
    private final Map<TableId, Map<List<String>, String>> events = new HashMap<>();
    private final List<String> temps = new ArrayList<>();

    /** @param stages the staging table (unquoted name) of every table the batch changed */
    public Cascades(Connection connection, WarehouseDialect dialect, Flavour flavour, CascadePlan plan, Map<TableId, String> stages) {
        this.connection = connection;
        this.plan = plan;
        this.flavour = flavour;
        this.sql = new CascadeStatements(dialect, flavour::createTempAs);
        this.stages = stages;
    }

    /** Whether a batch of these tables can trigger any action: a parent with a deletion or a key change. */
    public static boolean needed(CascadePlan plan, Collection<CollapsedTable> tables) {
        return !plan.isEmpty() && tables.stream().anyMatch(t -> t.keyEvents() != null && !t.keyEvents().isEmpty());
    }

    public void run(Map<TableId, TableSchema> schemas, Collection<CollapsedTable> tables) throws SQLException {
        Map<TableId, CollapsedTable> batch = new HashMap<>();
        tables.forEach(t -> batch.put(t.schema().id(), t));
        try (Statement st = connection.createStatement()) {
            for (TableId parent : plan.parents()) {
                TableSchema schema = schemas.get(parent);
                for (List<String> key : plan.referencedKeys(parent)) {
                    String name = temp("ferry_ev_");
                    st.execute(sql.createEvents(name, schema, key));
                    events.computeIfAbsent(parent, k -> new HashMap<>()).put(key, name);
                    CollapsedTable changed = batch.get(parent);
                    if (changed != null && changed.keyEvents() != null) {
                        int[] indexes = key.stream().mapToInt(schema::indexOf).toArray();
                        List<KeyEvents.Event> steps = changed.keyEvents().of(indexes);
                        if (!steps.isEmpty()) {
                            flavour.loadEvents(connection, name, sql.eventColumns(key.size()), schema, indexes, steps);
                        }
                    }
                }
            }
            for (TableId child : plan.order()) {
                for (ForeignKey fk : plan.edgesInto(child)) {
                    edge(st, fk, schemas.get(child));
                }
            }
            if (flavour.dropsTemps()) {
                for (String t : temps) {
                    st.execute(sql.drop(t));
                }
            }
        }
    }

    private void edge(Statement st, ForeignKey fk, TableSchema child) throws SQLException {
        long t0 = System.nanoTime();
        String parentEvents = events.get(fk.parent()).get(fk.parentColumns());
        String stage = stages.get(child.id());
        String work = temp("ferry_fk_");
        st.execute(sql.createWork(work, parentEvents, fk, child, stage));
        Map<List<String>, String> childEvents = events.getOrDefault(child.id(), Map.of());
        boolean self = fk.parent().equals(fk.child());
        int steps = 0;
        while (true) {
            while (st.executeUpdate(sql.step(work, parentEvents, fk, child)) > 0) {
                steps++;
            }
            if (childEvents.isEmpty()) {
                break;
            }
            for (Map.Entry<List<String>, String> e : childEvents.entrySet()) {
                st.executeUpdate(sql.emitDeletes(e.getValue(), e.getKey(), work, child));
            }
            int emitted = st.executeUpdate(sql.markEmitted(work));
            if (!self || emitted == 0) {
                break;
            }
            // a tree: the deleted rows' own children are the next level
            st.executeUpdate(sql.addToWork(work, parentEvents, fk, child, stage));
        }
        int deleted = st.executeUpdate(sql.deleteChildren(work, child));
        int updated = st.executeUpdate(sql.updateChildren(work, fk, child));
        LOG.debug("{}: {} child row(s) deleted, {} changed, in {} step(s), {} ms", fk.name(), deleted, updated, steps,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private String temp(String prefix) {
        String name = prefix + temps.size();
        temps.add(name);
        return name;
    }
}
