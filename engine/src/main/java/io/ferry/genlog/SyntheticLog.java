package io.ferry.genlog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Synthetic general-log rows for the benchmark: an OLTP-like mix of ~20 statement shapes with varying literals and
 * IN-list lengths, a dozen users and hosts, the odd Connect/Init DB/Quit, times a few hundred microseconds apart.
 * Deterministic for a given seed.
 */
public final class SyntheticLog {
    private static final String[] USERS = {"shop", "shop", "shop", "report", "etl", "admin"};
    private static final String[] HOSTS = {"10.0.0.11", "10.0.0.12", "10.0.0.13", "10.0.1.7", "app-1.internal", "localhost"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final SplittableRandom random;
    private LocalDateTime time = LocalDateTime.of(2026, 11, 1, 0, 0);

    public SyntheticLog(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code rows} rows to a gzip NDJSON archive. */
    public static long writeArchive(Path file, long rows, long seed) throws IOException {
        return writeArchive(file, rows, seed, ArchiveFormat.NDJSON);
    }

    /** Writes {@code rows} rows to a gzip archive of the given format. */
    public static long writeArchive(Path file, long rows, long seed, ArchiveFormat format) throws IOException {
        SyntheticLog log = new SyntheticLog(seed);
        try (ArchiveWriter w = new ArchiveWriter(file, format)) {
            for (long i = 0; i < rows; i++) {
                w.write(log.next());
            }
            w.commit();
            return w.rows();
        }
    }

    public LogRow next() {
        time = time.plusNanos(50_000 + random.nextInt(400_000));
        int u = random.nextInt(USERS.length);
        String user = USERS[u];
        String host = HOSTS[(u + random.nextInt(2)) % HOSTS.length];
        String userHost = user + "[" + user + "] @ " + (host.startsWith("1") ? " [" + host + "]" : host + " []");
        long thread = 1000 + random.nextInt(64);
        int r = random.nextInt(1000);
        String command = "Query";
        String argument;
        if (r < 5) {
            command = "Connect";
            argument = user + "@" + host + " on shop using TCP/IP";
        } else if (r < 8) {
            command = "Quit";
            argument = "";
        } else if (r < 10) {
            command = "Init DB";
            argument = "shop";
        } else {
            argument = statement(r);
        }
        return new LogRow(TIME.format(time), userHost, thread, 1, command, argument);
    }

    /** A statement, picked by {@code r} in [10, 1000). */
    String statement(int r) {
        int id = random.nextInt(10_000_000);
        return switch (r % 20) {
            case 0 -> "SELECT * FROM orders WHERE id = " + id;
            case 1 -> "SELECT id, status, total FROM orders WHERE customer_id = " + id + " ORDER BY created_at DESC LIMIT 20";
            case 2 -> "SELECT * FROM customers WHERE email = 'user" + id + "@example.com'";
            case 3 -> "UPDATE orders SET status = 'shipped', updated_at = NOW() WHERE id = " + id;
            case 4 -> "INSERT INTO orders (customer_id, status, total) VALUES (" + id + ", 'new', " + (id % 1000) + "." + (id % 100) + ")";
            case 5 -> "SELECT * FROM products WHERE id IN (" + list(id) + ")";
            case 6 -> "select count(*) from order_items where order_id = " + id;
            case 7 -> "DELETE FROM carts WHERE session_id = 'sess-" + Integer.toHexString(id) + "' AND updated_at < '2026-11-01 00:00:00'";
            case 8 -> "SELECT c.name, SUM(o.total) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.created_at >= '2026-10-01' GROUP BY c.name LIMIT " + (10 + id % 90);
            case 9 -> "COMMIT";
            case 10 -> "SET autocommit = 1";
            case 11 -> "INSERT INTO order_items (order_id, product_id, qty, price) VALUES (" + id + ", " + (id % 5000) + ", 1, 9.99), (" + id + ", " + (id % 777) + ", 2, 19.5)";
            case 12 -> "SELECT /* report:daily */ DATE(created_at), COUNT(*) FROM orders WHERE created_at BETWEEN '2026-11-01' AND '2026-11-02' GROUP BY 1";
            case 13 -> "UPDATE customers SET last_login = '2026-11-28 10:00:00' WHERE id = " + id;
            case 14 -> "SELECT * FROM campaigns WHERE advertiser_id = " + (id % 500) + " AND status IN ('active', 'paused')";
            case 15 -> "SELECT @@session.transaction_isolation";
            case 16 -> "SELECT p.* FROM products p WHERE p.category_id = " + (id % 300) + " AND p.price BETWEEN " + (id % 50) + " AND " + (id % 50 + 100);
            case 17 -> "START TRANSACTION";
            case 18 -> "SELECT id FROM creatives WHERE campaign_id IN (" + list(id) + ") AND approved = 1";
            default -> "SELECT name, email FROM customers WHERE id = " + id + " FOR UPDATE";
        };
    }

    private String list(int seed) {
        int n = 1 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(seed + i * 31);
        }
        return b.toString();
    }
}
