package io.ferry.warehouse;

import io.ferry.replication.TableSchema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The PostgreSQL side of {@link Cascades}: temporary tables dropped at commit, events loaded by COPY. */
final class PostgresCascades implements Cascades.Flavour {
    @Override
    public String createTempAs(String name, String select) {
        return "CREATE TEMPORARY TABLE " + name + " ON COMMIT DROP AS " + select;
    }

    @Override
    public boolean dropsTemps() {
        return false;
    }

    @Override
    public void loadEvents(Connection connection, String table, List<String> columns, TableSchema parent, int[] key,
                           List<KeyEvents.Event> events) throws SQLException {
        String context = parent.id().toString();
        StringBuilder text = new StringBuilder();
        for (KeyEvents.Event e : events) {
            for (int i : key) {
                CopyText.append(text, e.before()[i], context);
                text.append('\t');
            }
            text.append(e.seq()).append('\t').append(e.isDelete() ? 'D' : 'U');
            for (int i : key) {
                text.append('\t');
                CopyText.append(text, e.isDelete() ? null : e.after()[i], context);
            }
            text.append('\n');
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        try {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
