package io.ferry.druid.flatten;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every path of a spec compiled once into one tree that the event's token stream is walked against: a field
 * the tree does not name is skipped without being decoded.
 */
final class PathTrie {
    /** Where a value at a node goes: a slot of the row, or of the current exploded element. */
    record Target(int slot, boolean item, ColumnType type) {
    }

    static final class Node {
        Map<String, Node> fields;
        /** {@link #fields} flattened for {@link #child}: a scan of a few ints beats a hash map here. */
        private String[] names;
        private int[] hashes;
        private Node[] children;
        private Node bare;
        Node[] indexes;
        /** The element trie, for the exploded array. */
        Node each;
        boolean explode;
        Target[] targets;

        /** The child for a field name, or null. */
        Node child(String name) {
            int h = name.hashCode();
            int[] hs = hashes;
            for (int i = 0; i < hs.length; i++) {
                if (hs[i] == h && names[i].equals(name)) {
                    return children[i];
                }
            }
            return null;
        }

        /** Fills the lookup arrays of this node and every node below it; call once the trie is complete. */
        void freeze() {
            int n = fields == null ? 0 : fields.size();
            names = new String[n];
            hashes = new int[n];
            children = new Node[n];
            if (fields != null) {
                int i = 0;
                for (Map.Entry<String, Node> e : fields.entrySet()) {
                    names[i] = e.getKey();
                    hashes[i] = e.getKey().hashCode();
                    children[i] = e.getValue();
                    e.getValue().freeze();
                    i++;
                }
            }
            if (indexes != null) {
                for (Node c : indexes) {
                    if (c != null) {
                        c.freeze();
                    }
                }
            }
            if (each != null && each.names == null) {
                each.freeze();
            }
        }

        Node field(String name) {
            if (fields == null) {
                fields = new HashMap<>();
            }
            return fields.computeIfAbsent(name, n -> new Node());
        }

        Node index(int i) {
            if (indexes == null || indexes.length <= i) {
                indexes = indexes == null ? new Node[i + 1] : Arrays.copyOf(indexes, i + 1);
            }
            if (indexes[i] == null) {
                indexes[i] = new Node();
            }
            return indexes[i];
        }

        void addTarget(Target t) {
            targets = targets == null ? new Target[]{t} : append(targets, t);
        }

        /** The same node minus its captures, to walk a subtree that was copied whole; made once. */
        Node withoutTargets() {
            if (bare == null) {
                bare = new Node();
                bare.fields = fields;
                bare.names = names;
                bare.hashes = hashes;
                bare.children = children;
                bare.indexes = indexes;
                bare.each = each;
                bare.explode = explode;
            }
            return bare;
        }

        boolean hasChildren() {
            return fields != null || indexes != null || each != null;
        }

        Node copy() {
            Node c = new Node();
            c.explode = explode;
            c.targets = targets == null ? null : targets.clone();
            if (fields != null) {
                c.fields = new HashMap<>();
                fields.forEach((k, v) -> c.fields.put(k, v.copy()));
            }
            if (indexes != null) {
                c.indexes = new Node[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    c.indexes[i] = indexes[i] == null ? null : indexes[i].copy();
                }
            }
            c.each = each == null ? null : each.copy();
            return c;
        }

        void mergeFrom(Node other) {
            if (other.targets != null) {
                for (Target t : other.targets) {
                    addTarget(t);
                }
            }
            if (other.fields != null) {
                other.fields.forEach((k, v) -> {
                    if (fields != null && fields.containsKey(k)) {
                        fields.get(k).mergeFrom(v);
                    } else {
                        field(k);
                        fields.put(k, v.copy());
                    }
                });
            }
            if (other.indexes != null) {
                for (int i = 0; i < other.indexes.length; i++) {
                    if (other.indexes[i] != null) {
                        index(i).mergeFrom(other.indexes[i]);
                    }
                }
            }
        }
    }

    private final Node root = new Node();
    private final Node itemRoot = new Node();

    /** The root, with every node ready for lookups; add nothing after this. */
    Node root() {
        root.freeze();
        return root;
    }

    void add(JsonPath path, Target target) {
        Node n = path.item() ? itemRoot : root;
        for (Object step : path.steps()) {
            n = step instanceof Integer i ? n.index(i) : n.field((String) step);
        }
        n.addTarget(target);
    }

    /** Marks the array at {@code path} as exploded; call after every {@link #add}. */
    void explode(JsonPath path) {
        Node n = root;
        for (Object step : path.steps()) {
            n = step instanceof Integer i ? n.index(i) : n.field((String) step);
        }
        n.explode = true;
        n.each = itemRoot;
        // $.segments[0].id and $item.id both read element 0: its node answers to both
        if (n.indexes != null) {
            for (Node indexed : n.indexes) {
                if (indexed != null) {
                    indexed.mergeFrom(itemRoot);
                }
            }
        }
    }

    private static Target[] append(Target[] a, Target t) {
        Target[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = t;
        return b;
    }
}
