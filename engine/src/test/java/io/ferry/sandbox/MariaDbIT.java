package io.ferry.sandbox;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SandboxExtension.class)
class MariaDbIT {

    private final DatabaseEndpoint mariadb;

    MariaDbIT(SandboxEndpoints endpoints) {
        this.mariadb = endpoints.mariadb();
    }

    @Test
    void binlogIsOnInRowFormatWithFullImagesAndMetadata() throws SQLException {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@binlog_row_metadata, "
                     + "@@server_id, @@gtid_strict_mode, @@character_set_server, @@gtid_domain_id")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("log_bin").isTrue();
            assertThat(rs.getString(2)).as("binlog_format").isEqualTo("ROW");
            assertThat(rs.getString(3)).as("binlog_row_image").isEqualTo("FULL");
            assertThat(rs.getString(4)).as("binlog_row_metadata").isEqualTo("FULL");
            assertThat(rs.getInt(5)).as("server_id").isEqualTo(MariaDbServer.SERVER_ID);
            assertThat(rs.getBoolean(6)).as("gtid_strict_mode").isTrue();
            assertThat(rs.getString(7)).as("character_set_server").isEqualTo("utf8mb4");
            assertThat(rs.getInt(8)).as("gtid_domain_id").isEqualTo(MariaDbServer.GTID_DOMAIN_ID);
        }
    }

    @Test
    void aWrittenRowIsReadBackFromTheBinlogAsAWriteRowsEvent() throws Exception {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS binlog_probe (id INT PRIMARY KEY, name VARCHAR(50), amount DECIMAL(10,2))");
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Map<Long, TableMapEventData> tables = new ConcurrentHashMap<>();
        BinaryLogClient client = new BinaryLogClient(mariadb.host(), mariadb.port(), mariadb.user(), mariadb.password().reveal());
        client.setServerId(1000 + ThreadLocalRandom.current().nextInt(100_000));
        client.registerEventListener(event -> {
            if (event.getHeader().getEventType() == EventType.TABLE_MAP) {
                TableMapEventData map = event.getData();
                tables.put(map.getTableId(), map);
            }
            events.add(event);
        });
        client.connect(TimeUnit.SECONDS.toMillis(10));
        try {
            int id = ThreadLocalRandom.current().nextInt(1, 1_000_000);
            try (Connection c = mariadb.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO binlog_probe VALUES (" + id + ", 'Grüße 🚀', 1234.56)");
            }
            WriteRowsEventData write = awaitWriteRows(events, tables, "binlog_probe");
            Serializable[] row = write.getRows().get(0);
            assertThat(row[0]).isEqualTo(id);
            assertThat(row[1] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : row[1]).isEqualTo("Grüße 🚀");
            assertThat((BigDecimal) row[2]).isEqualByComparingTo("1234.56");
        } finally {
            client.disconnect();
        }
    }

    private static WriteRowsEventData awaitWriteRows(BlockingQueue<Event> events, Map<Long, TableMapEventData> tables, String table)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.getData() instanceof WriteRowsEventData write) {
                TableMapEventData map = tables.get(write.getTableId());
                if (map != null && map.getDatabase().equals(MariaDbServer.DATABASE) && map.getTable().equals(table)) {
                    return write;
                }
            }
        }
        throw new AssertionError("No WRITE_ROWS event for " + table + " arrived from the binlog within 10 s");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> mariadb.connect(Secret.of("not-the-password")).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void theUserCanReadTheBinlogPosition() throws SQLException {
        try (Connection c = mariadb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("File")).startsWith("mariadb-bin.");
        }
    }
}
