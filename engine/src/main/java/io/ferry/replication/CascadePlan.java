package io.ferry.replication;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign-key actions Ferry must repeat in the warehouse because InnoDB performs them without writing them to
 * the binlog: {@code ON DELETE CASCADE} and {@code ON DELETE SET NULL} between selected tables, in the order a
 * deletion flows (parents before children, so that a cascaded delete cascades further). What Ferry cannot repeat
 * yet is a {@link #problems() problem} for the pre-flight: ON UPDATE actions that change children, cycles, and keys
 * that reference something other than the parent's primary key.
 */
public final class CascadePlan {
    /** No foreign keys to repeat. */
    public static final CascadePlan NONE = new CascadePlan(List.of(), Map.of());

    private final List<ForeignKey> edges;
    private final List<TableId> parents;
    private final List<String> problems = new ArrayList<>();

    public CascadePlan(List<ForeignKey> foreignKeys, Map<TableId, TableSchema> schemas) {
        List<ForeignKey> acting = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            if (fk.onUpdate().changesChildren()) {
                problems.add("foreign key " + fk + ": ON UPDATE " + fk.onUpdate() + " changes child rows outside the binlog, "
                        + "which Ferry does not repeat yet. Exclude " + fk.child() + " or change the key to ON UPDATE RESTRICT");
            }
            if (!fk.onDelete().changesChildren()) {
                continue;
            }
            if (fk.onDelete() == ForeignKey.Action.SET_DEFAULT) {
                problems.add("foreign key " + fk + ": ON DELETE SET DEFAULT is not supported");
                continue;
            }
            TableSchema parent = schemas.get(fk.parent());
            if (parent == null || !new HashSet<>(parent.primaryKey()).equals(new HashSet<>(fk.parentColumns()))
                    || parent.primaryKey().size() != fk.parentColumns().size()) {
                problems.add("foreign key " + fk + " references columns other than the primary key of " + fk.parent()
                        + "; Ferry repeats cascades only for keys that reference a primary key. Exclude " + fk.child());
                continue;
            }
            acting.add(fk);
        }
        this.parents = order(acting);
        this.edges = parents == null ? List.of() : acting;
    }

    /** Parents first; null (and a problem) when the cascading keys form a cycle. */
    private List<TableId> order(List<ForeignKey> acting) {
        Map<TableId, Set<TableId>> childrenOf = new LinkedHashMap<>();
        Set<TableId> nodes = new LinkedHashSet<>();
        for (ForeignKey fk : acting) {
            childrenOf.computeIfAbsent(fk.parent(), k -> new LinkedHashSet<>()).add(fk.child());
            nodes.add(fk.parent());
            nodes.add(fk.child());
        }
        List<TableId> sorted = new ArrayList<>();
        Set<TableId> done = new HashSet<>();
        Set<TableId> visiting = new HashSet<>();
        for (TableId n : nodes.stream().sorted().toList()) {
            if (!visit(n, childrenOf, done, visiting, sorted)) {
                problems.add("the cascading foreign keys between " + nodes + " form a cycle (or a table references itself), "
                        + "which Ferry does not repeat yet. Exclude one of the tables");
                return null;
            }
        }
        java.util.Collections.reverse(sorted);
        return sorted.stream().filter(childrenOf::containsKey).toList();
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

    /** The tables whose deletions cascade, parents before their children. */
    public List<TableId> parents() {
        return parents == null ? List.of() : parents;
    }

    /** The cascading keys whose parent is {@code parent}. */
    public List<ForeignKey> edgesFrom(TableId parent) {
        return edges.stream().filter(e -> e.parent().equals(parent)).toList();
    }
}
