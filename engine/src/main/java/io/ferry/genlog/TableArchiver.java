package io.ferry.genlog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies a rotated log table (a dated table, or RDS's backup) into a gzip NDJSON or CSV archive, then verifies it: the
 * archive, read back, must hold as many rows as the table. Only a verified archive is reported; the caller drops
 * the table only then.
 */
public final class TableArchiver {

    /**
     * What was archived: the local file, its rows (verified), the time span of those rows, and where the archive
     * finally is (the file, or an s3:// URI once uploaded).
     */
    public record Archived(Path file, long rows, Optional<String> oldest, Optional<String> newest, String location) {
        Archived at(String finalLocation) {
            return new Archived(file, rows, oldest, newest, finalLocation);
        }
    }

    /**
     * Archives {@code schema.table} (quoted by the caller's names, which Ferry chooses) into {@code target}.
     *
     * @throws GenlogException when the archive could not be verified (the file is removed, the table kept)
     */
    public Archived archive(Connection c, String schema, String table, LogKind kind, Path target) throws SQLException, IOException {
        return archive(c, schema, table, kind, target, ArchiveFormat.NDJSON);
    }

    public Archived archive(Connection c, String schema, String table, LogKind kind, Path target, ArchiveFormat format)
            throws SQLException, IOException {
        String qualified = "`" + schema + "`.`" + table + "`";
        long tableRows = countRows(c, qualified);
        List<Column> columns = columns(c, qualified);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            select.append(i == 0 ? "" : ", ");
            if (col.name().equals(kind.timeColumn())) {
                select.append("DATE_FORMAT(`").append(col.name()).append("`, '%Y-%m-%d %H:%i:%s.%f')");
            } else {
                select.append('`').append(col.name()).append('`');
            }
        }
        select.append(" FROM ").append(qualified);
        String oldest = null;
        String newest = null;
        int timeIndex = indexOf(columns, kind.timeColumn());
        try (ArchiveWriter out = new ArchiveWriter(target, format);
             Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows instead of buffering the table
            try (ResultSet rs = st.executeQuery(select.toString())) {
                while (rs.next()) {
                    out.startRow();
                    for (int i = 0; i < columns.size(); i++) {
                        Column col = columns.get(i);
                        if (col.numeric()) {
                            long v = rs.getLong(i + 1);
                            if (rs.wasNull()) {
                                out.field(col.name(), null);
                            } else {
                                out.field(col.name(), v);
                            }
                        } else {
                            String v = rs.getString(i + 1);
                            out.field(col.name(), v);
                            if (i == timeIndex && v != null) {
                                oldest = oldest == null || v.compareTo(oldest) < 0 ? v : oldest;
                                newest = newest == null || v.compareTo(newest) > 0 ? v : newest;
                            }
                        }
                    }
                    out.endRow();
                }
            }
            long written = out.rows();
            if (written != tableRows) {
                throw new GenlogException(qualified + " changed while it was archived (" + tableRows + " rows counted, "
                        + written + " read): the archive was not kept and the table was left in place.");
            }
            Path file = out.commit();
            long readBack = ArchiveReader.count(file);
            if (readBack != tableRows) {
                java.nio.file.Files.deleteIfExists(file);
                throw new GenlogException("the archive " + file + " holds " + readBack + " rows but " + qualified
                        + " has " + tableRows + ": the archive was removed and the table left in place. Check the disk.");
            }
            return new Archived(file, readBack, Optional.ofNullable(oldest), Optional.ofNullable(newest), file.toString());
        }
    }

    static long countRows(Connection c, String qualified) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + qualified)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Column(String name, boolean numeric) {
    }

    private static List<Column> columns(Connection c, String qualified) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + qualified + " LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int type = md.getColumnType(i);
                boolean numeric = type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT
                        || type == Types.TINYINT;
                out.add(new Column(md.getColumnName(i), numeric));
            }
            return out;
        }
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
