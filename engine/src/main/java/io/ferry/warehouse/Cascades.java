package io.ferry.warehouse;

import io.ferry.replication.CascadePlan;
import io.ferry.replication.ForeignKey;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Repeats in the warehouse, inside the batch's transaction and after its MERGEs, the ON DELETE CASCADE / SET NULL
 * actions InnoDB performed without logging them. For each cascading parent a temporary "gone" table holds the keys
 * deleted in the batch with the sequence number of the deletion (from DELETE events, then from cascades, parents
 * first so that deletions flow down). A child row is removed (or its key set to NULL) when it references a gone key,
 * unless the batch wrote that child row after the deletion: such a row was written after its parent came back, so
 * the source has it. Rows the batch wrote before the deletion went with it at the source, and go here too.
 */
final class Cascades {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cascades.class);
    private final Connection connection;
    private final WarehouseDialect dialect;
    private final CascadePlan plan;
    private final Map<TableId, String> stages;
    private final String deleteSeq;
    private final String seq;

    Cascades(Connection connection, WarehouseDialect dialect, CascadePlan plan, Map<TableId, String> stages,
             String deleteSeqColumn, String seqColumn) {
        this.connection = connection;
        this.dialect = dialect;
        this.plan = plan;
        this.stages = stages;
        this.deleteSeq = dialect.quote(deleteSeqColumn);
        this.seq = dialect.quote(seqColumn);
    }

    void run(Map<TableId, TableSchema> schemas) throws SQLException {
        Map<TableId, String> gone = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            for (TableId parent : plan.parents()) {
                String name = dialect.quote("ferry_gone_" + gone.size());
                String keys = columns("", schemas.get(parent).primaryKey());
                String stage = stages.get(parent);
                st.execute(stage != null
                        ? "CREATE TEMPORARY TABLE " + name + " ON COMMIT DROP AS SELECT " + keys + ", " + deleteSeq + " AS " + seq
                          + " FROM " + dialect.quote(stage) + " WHERE " + deleteSeq + " > 0"
                        : "CREATE TEMPORARY TABLE " + name + " ON COMMIT DROP AS SELECT " + keys + ", 0::BIGINT AS " + seq
                          + " FROM " + target(schemas.get(parent)) + " WHERE FALSE");
                gone.put(parent, name);
            }
            for (TableId parent : plan.parents()) {
                for (ForeignKey fk : plan.edgesFrom(parent)) {
                    TableSchema child = schemas.get(fk.child());
                    String sql = fk.onDelete() == ForeignKey.Action.CASCADE
                            ? delete(fk, child, gone.get(parent), gone.get(fk.child()))
                            : setNull(fk, child, gone.get(parent));
                    int n = st.executeUpdate(sql);
                    LOG.debug("{} row(s) by {}", n, sql);
                }
            }
        }
    }

    private String delete(ForeignKey fk, TableSchema child, String goneParent, String goneChild) {
        String delete = "DELETE FROM " + target(child) + " AS c USING " + goneParent + " AS d WHERE " + join(fk) + notWrittenLater(child);
        if (goneChild == null) {
            return delete;
        }
        return "WITH removed AS (" + delete + " RETURNING " + columns("c.", child.primaryKey()) + ", d." + seq + ") "
                + "INSERT INTO " + goneChild + " SELECT * FROM removed";
    }

    private String setNull(ForeignKey fk, TableSchema child, String goneParent) {
        StringJoiner set = new StringJoiner(", ");
        fk.childColumns().forEach(c -> set.add(dialect.quote(c) + " = NULL"));
        return "UPDATE " + target(child) + " AS c SET " + set + " FROM " + goneParent + " AS d WHERE " + join(fk) + notWrittenLater(child);
    }

    private String join(ForeignKey fk) {
        StringJoiner on = new StringJoiner(" AND ");
        for (int i = 0; i < fk.childColumns().size(); i++) {
            on.add("c." + dialect.quote(fk.childColumns().get(i)) + " = d." + dialect.quote(fk.parentColumns().get(i)));
        }
        return on.toString();
    }

    private String notWrittenLater(TableSchema child) {
        String stage = stages.get(child.id());
        if (stage == null) {
            return "";
        }
        StringJoiner same = new StringJoiner(" AND ");
        child.primaryKey().forEach(k -> same.add("s." + dialect.quote(k) + " = c." + dialect.quote(k)));
        return " AND NOT EXISTS (SELECT 1 FROM " + dialect.quote(stage) + " AS s WHERE " + same + " AND s." + seq + " > d." + seq + ")";
    }

    private String target(TableSchema schema) {
        TargetTable t = dialect.target(schema);
        return dialect.qualified(t.schema(), t.table());
    }

    private String columns(String prefix, List<String> names) {
        StringJoiner j = new StringJoiner(", ");
        names.forEach(n -> j.add(prefix + dialect.quote(n)));
        return j.toString();
    }
}
