package io.ferry.config;

import io.ferry.config.YamlNode.Mapping;
import io.ferry.config.YamlNode.Scalar;
import io.ferry.config.YamlNode.Sequence;
import io.ferry.replication.TableId;
import io.ferry.replication.mapping.AddedColumn;
import io.ferry.replication.mapping.ColumnExpression;
import io.ferry.replication.mapping.JobMapping;
import io.ferry.replication.mapping.MetadataColumns;
import io.ferry.replication.mapping.TableRule;
import io.ferry.replication.mapping.TableRules;
import io.ferry.warehouse.TargetPreparation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a replication job's {@code rules:} (one mapping per source table: rename, columns rename/drop/add) and
 * {@code metadata:} (operation, commit time and soft-delete columns). Whether a rule fits the source table (its
 * columns exist, the key is kept) is known only once the source is read: the pre-flight checks that.
 */
final class TableRulesBinder {
    private static final Map<String, ColumnExpression> EXPRESSIONS = new LinkedHashMap<>();
    private static final Map<String, TargetPreparation> PREPARATIONS = new LinkedHashMap<>();

    static {
        for (TargetPreparation p : List.of(TargetPreparation.DROP_AND_CREATE, TargetPreparation.TRUNCATE,
                TargetPreparation.DO_NOTHING)) {
            PREPARATIONS.put(p.word(), p);
        }
        for (ColumnExpression e : ColumnExpression.values()) {
            EXPRESSIONS.put(e.word(), e);
        }
    }

    private final MappingReader job;

    TableRulesBinder(MappingReader job) {
        this.job = job;
    }

    /** The rules; {@link TableRules#NONE} parts where absent or wrong (problems go to the job's reader). */
    TableRules bind() {
        MetadataColumns metadata = metadata();
        List<TableRule> rules = new ArrayList<>();
        Optional<YamlNode> node = job.node("rules");
        if (node.isPresent() && !(node.get() instanceof Scalar s && s.isNull())) {
            if (!(node.get() instanceof Sequence seq)) {
                job.fail(node.get(), "rules", "expected a list of table rules (- table: shop.orders ...), found "
                        + node.get().describe());
                return TableRules.NONE;
            }
            Set<TableId> seen = new HashSet<>();
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                String key = "rules[" + i + "]";
                if (!(item instanceof Mapping m)) {
                    job.fail(item, key, "expected a table rule (a mapping with table: and rename: or columns:), found "
                            + item.describe());
                    continue;
                }
                rule(job.child(m, key, "a table rule"), seen).ifPresent(rules::add);
            }
        }
        return job.valid() ? new TableRules(rules, metadata) : TableRules.NONE;
    }

    private MetadataColumns metadata() {
        Optional<MappingReader> nested = job.nested("metadata", false, "the metadata columns of a replication job");
        if (nested.isEmpty()) {
            return MetadataColumns.NONE;
        }
        MappingReader m = nested.get();
        String operation = column(m, "operation", MetadataColumns.DEFAULT_OPERATION);
        String commitTime = column(m, "commitTime", MetadataColumns.DEFAULT_COMMIT_TIME);
        String deleted = column(m, "softDelete", MetadataColumns.DEFAULT_DELETED);
        m.rejectUnknownKeys();
        return new MetadataColumns(operation, commitTime, deleted);
    }

    /** {@code true} (the default name), {@code false} or absent (no column), or the column's name. */
    private static String column(MappingReader m, String key, String defaultName) {
        Optional<YamlNode> node = m.node(key);
        if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
            return null;
        }
        if (node.get() instanceof Scalar s && s.kind() == Scalar.Kind.BOOLEAN) {
            return m.bool(key, false) ? defaultName : null;
        }
        if (node.get() instanceof Scalar s && s.kind() != Scalar.Kind.STRING) {
            m.fail(s, key, "expected true, false or a column name (true names it " + defaultName + "), found "
                    + s.describe() + " '" + s.text() + "'");
            return null;
        }
        return m.text(key, false, "true, false or a column name (true names it " + defaultName + ")")
                .flatMap(name -> columnName(m, key, name)).orElse(null);
    }

    private Optional<TableRule> rule(MappingReader r, Set<TableId> seen) {
        Optional<TableId> table = r.text("table", true, "the source table as schema.table, e.g. shop.orders")
                .flatMap(text -> {
                    if (text.contains("*") || text.contains("?")) {
                        return r.fail(r.node("table").orElseThrow(), "table", "a table rule names one table, not a "
                                + "pattern: write schema.table, e.g. shop.orders");
                    }
                    try {
                        return Optional.of(TableId.parse(text));
                    } catch (IllegalArgumentException e) {
                        return r.fail(r.node("table").orElseThrow(), "table", e.getMessage());
                    }
                });
        if (table.isPresent() && !seen.add(table.get())) {
            r.fail(r.node("table").orElseThrow(), "table", "a second rule for " + table.get() + ": write one rule per table");
        }
        String rename = r.text("rename", false, "the target table's name").flatMap(n -> name(r, "rename", n)).orElse(null);
        TargetPreparation preparation = r.choice("targetPreparation", PREPARATIONS, null);
        Map<String, String> renames = new LinkedHashMap<>();
        List<String> drops = new ArrayList<>();
        List<AddedColumn> adds = new ArrayList<>();
        Optional<MappingReader> columns = r.nested("columns", false, "the column rules of a table (rename, drop, add)");
        if (columns.isPresent()) {
            MappingReader c = columns.get();
            c.mapping("rename", false, "a mapping of source column to target column, e.g. { amount: amount_usd }")
                    .ifPresent(m -> {
                        MappingReader names = c.child(m, "rename", "the column renames");
                        for (String from : m.entries().keySet()) {
                            names.text(from, true, "the column's target name").flatMap(to -> columnName(names, from, to))
                                    .ifPresent(to -> renames.put(from, to));
                        }
                        if (!names.valid()) {
                            c.failQuietly();
                        }
                    });
            drops.addAll(c.strings("drop", false, "source column names"));
            Optional<YamlNode> add = c.node("add");
            if (add.isPresent() && !(add.get() instanceof Scalar s && s.isNull())) {
                if (!(add.get() instanceof Sequence seq)) {
                    c.fail(add.get(), "add", "expected a list of columns (- name: ..., constant: ... or value: ...), found "
                            + add.get().describe());
                } else {
                    for (int i = 0; i < seq.items().size(); i++) {
                        YamlNode item = seq.items().get(i);
                        if (!(item instanceof Mapping m)) {
                            c.fail(item, "add[" + i + "]", "expected a column (name: and constant: or value:), found "
                                    + item.describe());
                            continue;
                        }
                        MappingReader a = c.child(m, "add[" + i + "]", "an added column");
                        added(a).ifPresent(adds::add);
                        a.rejectUnknownKeys();
                        if (!a.valid()) {
                            c.failQuietly();
                        }
                    }
                }
            }
            c.rejectUnknownKeys();
        }
        r.rejectUnknownKeys();
        if (!r.valid()) {
            job.failQuietly();
            return Optional.empty();
        }
        if (rename == null && renames.isEmpty() && drops.isEmpty() && adds.isEmpty() && preparation == null) {
            r.failMapping("the rule for " + table.orElseThrow() + " changes nothing: give rename:, columns: (rename, drop, add)"
                    + " or targetPreparation:");
            job.failQuietly();
            return Optional.empty();
        }
        return Optional.of(new TableRule(table.orElseThrow(), rename, renames, drops, adds, preparation));
    }

    private static Optional<AddedColumn> added(MappingReader a) {
        Optional<String> name = a.text("name", true, "the column's name").flatMap(n -> columnName(a, "name", n));
        boolean hasConstant = a.node("constant").filter(n -> !(n instanceof Scalar s && s.isNull())).isPresent();
        boolean hasValue = a.node("value").filter(n -> !(n instanceof Scalar s && s.isNull())).isPresent();
        if (hasConstant == hasValue) {
            a.failMapping("give either constant: (a text written into every row) or value: (one of "
                    + ColumnExpression.words() + ")");
            return Optional.empty();
        }
        if (hasConstant) {
            Optional<String> constant = a.text("constant", true, "a text constant");
            return name.flatMap(n -> constant.map(v -> AddedColumn.constant(n, v)));
        }
        ColumnExpression e = a.choice("value", EXPRESSIONS, null);
        return e == null ? Optional.empty() : name.map(n -> AddedColumn.of(n, e));
    }

    private static Optional<String> columnName(MappingReader r, String key, String name) {
        if (JobMapping.RESERVED.contains(name)) {
            return r.fail(r.node(key).orElseThrow(), key, "the name " + name + " is reserved for Ferry's staging tables; "
                    + "choose another");
        }
        return name(r, key, name);
    }

    private static Optional<String> name(MappingReader r, String key, String name) {
        if (name.contains(".")) {
            return r.fail(r.node(key).orElseThrow(), key, "a name without a dot, found '" + name + "' (the target schema "
                    + "is the job's targetSchema)");
        }
        return Optional.of(name);
    }
}
