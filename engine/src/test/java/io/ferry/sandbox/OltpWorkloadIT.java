package io.ferry.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(SandboxExtension.class)
class OltpWorkloadIT {

    private final DatabaseEndpoint shop;

    OltpWorkloadIT(SandboxEndpoints endpoints) {
        this.shop = endpoints.mariadb();
    }

    @Test
    void insertsUpdatesAndDeletesAreVisibleInTheDatabase() throws Exception {
        long ordersBefore = scalar(shop, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'shop' AND table_name = 'orders'") == 0
                ? 0 : scalar(shop, "SELECT COUNT(*) FROM orders");
        try (OltpWorkload workload = new OltpWorkload(shop, 400, 7)) {
            workload.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                WorkloadCounts counts = workload.counts();
                assertThat(counts.inserts()).isGreaterThan(50);
                assertThat(counts.updates()).isGreaterThan(10);
                assertThat(counts.deletes()).isGreaterThan(5);
            });
            workload.stop();
            WorkloadCounts counts = workload.counts();
            System.out.println("Workload after stop: " + counts);
            assertThat(counts.errors()).as("failed transactions (last: %s)", workload.lastError()).isZero();
        }
        // Rows the workload wrote are there, changed and partly gone again.
        assertThat(scalar(shop, "SELECT COUNT(*) FROM orders")).isGreaterThan(ordersBefore);
        assertThat(scalar(shop, "SELECT COUNT(*) FROM advertisers") + scalar(shop, "SELECT COUNT(*) FROM customers")).isPositive();
        assertThat(scalar(shop, "SELECT COUNT(*) FROM orders WHERE status <> 'placed'")
                + scalar(shop, "SELECT COUNT(*) FROM customers WHERE lifetime_value > 0")).as("updated rows").isPositive();
        long deletedGaps = 0;
        for (String table : OltpSchema.TABLES) {
            deletedGaps += scalar(shop, "SELECT COALESCE(MAX(id), 0) - COUNT(*) FROM " + table);
        }
        assertThat(deletedGaps).as("ids missing because their rows were deleted").isPositive();
    }

    @Test
    void theSameSeedWritesTheSameRows() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456Z"), ZoneOffset.UTC);
        List<String> contents = new ArrayList<>();
        for (String schema : List.of("ferry_oltp_a", "ferry_oltp_b")) {
            try (Connection c = shop.connect(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + schema);
                st.execute("CREATE DATABASE " + schema);
            }
            DatabaseEndpoint target = new DatabaseEndpoint(shop.host(), shop.port(), shop.user(), shop.password(), schema,
                    shop.passwordFile(), "mysql");
            new OltpWorkload(target, 1000, 42, fixed).runTransactions(300);
            StringBuilder all = new StringBuilder();
            for (String table : OltpSchema.TABLES) {
                all.append(table).append(": ").append(dump(target, table)).append('\n');
            }
            contents.add(all.toString());
        }
        assertThat(contents.get(0)).contains("orders: ").hasSizeGreaterThan(1000);
        assertThat(contents.get(1)).isEqualTo(contents.get(0));
    }

    private static String dump(DatabaseEndpoint db, String table) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rows.append(rs.getString(i)).append('|');
                }
                rows.append(';');
            }
        }
        return rows.toString();
    }

    private static long scalar(DatabaseEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
