package io.ferry.replication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign-key actions Ferry must repeat in the warehouse because InnoDB performs them without writing them to
 * the binlog: {@code ON DELETE CASCADE / SET NULL} and {@code ON UPDATE CASCADE / SET NULL} between selected tables,
 * whether the key references the parent's primary key or another (unique) key, including a table that references
 * itself (a tree). The tables come {@link #order() parents first}, so that a cascaded delete cascades further. What
 * Ferry cannot repeat is a {@link #problems() problem} for the pre-flight: SET DEFAULT, cycles through several
 * tables, and an action that changes child columns which are themselves a key (the change would have to cascade on).
 */
public final class CascadePlan {
    /** No foreign keys to repeat. */
    public static final CascadePlan NONE = new CascadePlan(List.of(), Map.of());

    private final List<ForeignKey> edges;
    private final List<TableId> order;
    private final List<String> problems = new ArrayList<>();

    public CascadePlan(List<ForeignKey> foreignKeys, Map<TableId, TableSchema> schemas) {
        List<ForeignKey> acting = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            if (!fk.onDelete().changesChildren() && !fk.onUpdate().changesChildren()) {
                continue;
            }
            if (fk.onDelete() == ForeignKey.Action.SET_DEFAULT || fk.onUpdate() == ForeignKey.Action.SET_DEFAULT) {
                problems.add("foreign key " + fk + ": SET DEFAULT is not supported (InnoDB rejects it too)");
                continue;
            }
            TableSchema parent = schemas.get(fk.parent());
            TableSchema child = schemas.get(fk.child());
            if (parent == null || child == null || !parent.columnNames().containsAll(fk.parentColumns())
                    || !child.columnNames().containsAll(fk.childColumns())) {
                problems.add("foreign key " + fk + " names columns its tables do not have");
                continue;
            }
            acting.add(fk);
        }
        for (ForeignKey fk : acting) {
            if (!changesChildColumns(fk)) {
                continue;
            }
            TableSchema child = schemas.get(fk.child());
            if (!Collections.disjoint(child.primaryKey(), fk.childColumns())) {
                problems.add("foreign key " + fk + " changes columns of the primary key of " + fk.child()
                        + " (ON UPDATE " + fk.onUpdate() + "), which Ferry does not repeat. Exclude " + fk.child()
                        + " or change the key to ON UPDATE RESTRICT");
                continue;
            }
            for (ForeignKey further : acting) {
                if (further.parent().equals(fk.child()) && !Collections.disjoint(further.parentColumns(), fk.childColumns())) {
                    problems.add("foreign key " + fk + " changes columns of " + fk.child() + " that foreign key " + further.name()
                            + " references, so the change would cascade on; Ferry does not repeat that. Exclude " + further.child());
                }
            }
        }
        this.order = order(acting);
        this.edges = order == null || !problems.isEmpty() ? List.of() : acting;
    }

    private static boolean changesChildColumns(ForeignKey fk) {
        return fk.onUpdate().changesChildren() || fk.onDelete() == ForeignKey.Action.SET_NULL;
    }

    /** Every table of a cascading key, parents first (a self-reference does not count as a cycle); null on a cycle. */
    private List<TableId> order(List<ForeignKey> acting) {
        Map<TableId, Set<TableId>> childrenOf = new LinkedHashMap<>();
        Set<TableId> nodes = new LinkedHashSet<>();
        for (ForeignKey fk : acting) {
            nodes.add(fk.parent());
            nodes.add(fk.child());
            if (!fk.parent().equals(fk.child())) {
                childrenOf.computeIfAbsent(fk.parent(), k -> new LinkedHashSet<>()).add(fk.child());
            }
        }
        List<TableId> sorted = new ArrayList<>();
        Set<TableId> done = new HashSet<>();
        Set<TableId> visiting = new HashSet<>();
        for (TableId n : nodes.stream().sorted().toList()) {
            if (!visit(n, childrenOf, done, visiting, sorted)) {
                problems.add("the cascading foreign keys between " + nodes + " form a cycle through several tables, "
                        + "which Ferry does not repeat (a table that references itself is fine). Exclude one of the tables");
                return null;
            }
        }
        Collections.reverse(sorted);
        return sorted;
    }

    private static boolean visit(TableId n, Map<TableId, Set<TableId>> childrenOf, Set<TableId> done, Set<TableId> visiting,
                                 List<TableId> sorted) {
        if (done.contains(n)) {
            return true;
        }
        if (!visiting.add(n)) {
            return false;
        }
        for (TableId c : childrenOf.getOrDefault(n, Set.of())) {
            if (!visit(c, childrenOf, done, visiting, sorted)) {
                return false;
            }
        }
        visiting.remove(n);
        done.add(n);
        sorted.add(n);
        return true;
    }

    @Override
    public String toString() {
        return edges.toString();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean isEmpty() {
        return edges.isEmpty();
    }

    /** The tables of the cascading keys, parents before their children. */
    public List<TableId> order() {
        return isEmpty() ? List.of() : order;
    }

    /** The tables whose deletions or key changes cascade, parents before their children. */
    public List<TableId> parents() {
        return order().stream().filter(t -> edges.stream().anyMatch(e -> e.parent().equals(t))).toList();
    }

    /** The cascading keys whose parent is {@code parent}. */
    public List<ForeignKey> edgesFrom(TableId parent) {
        return edges.stream().filter(e -> e.parent().equals(parent)).toList();
    }

    /** The cascading keys whose child is {@code child}: from other tables first, then the table's references to itself. */
    public List<ForeignKey> edgesInto(TableId child) {
        List<ForeignKey> into = new ArrayList<>(edges.stream().filter(e -> e.child().equals(child) && !e.parent().equals(child)).toList());
        edges.stream().filter(e -> e.child().equals(child) && e.parent().equals(child)).forEach(into::add);
        return into;
    }

    /**
     * The column lists of {@code parent} that cascading keys reference (its primary key, or a unique key): the batch
     * records every deletion of a row and every change of those columns, in order, for the cascades.
     */
    public List<List<String>> referencedKeys(TableId parent) {
        return edgesFrom(parent).stream().map(ForeignKey::parentColumns).distinct().toList();
    }
}
