package io.ferry.genlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a server's general log with real queries (log tables refuse INSERT): a handful of OLTP statement shapes
 * with varying literals against a small table in {@code ferry_bench}, from several connections at once.
 */
public final class RealQueryLoad {
    public static final String SCHEMA = "ferry_bench";

    private RealQueryLoad() {
    }

    /** Creates the table the queries use (the log is expected to be off while this runs, or it logs these too). */
    public static void prepare(ServerConnections server) throws SQLException {
        try (Connection c = server.open(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".orders (id INT PRIMARY KEY, customer_id INT,"
                    + " status VARCHAR(20), total DECIMAL(10,2), KEY (customer_id))");
            st.execute("INSERT IGNORE INTO " + SCHEMA + ".orders SELECT seq, seq % 97, 'new', seq / 10 FROM seq_1_to_1000");
        }
    }

    /** Runs {@code queries} statements spread over {@code connections} connections; returns when all ran. */
    public static void run(ServerConnections server, long queries, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                long share = queries / connections + (t < queries % connections ? 1 : 0);
                long seed = t;
                done.add(pool.submit(() -> {
                    runOne(server, share, seed);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runOne(ServerConnections server, long n, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = server.open(); Statement st = c.createStatement()) {
            for (long i = 0; i < n; i++) {
                int id = random.nextInt(2000);
                String sql = switch ((int) (i % 6)) {
                    case 0 -> "SELECT * FROM " + SCHEMA + ".orders WHERE id = " + id;
                    case 1 -> "SELECT id, status FROM " + SCHEMA + ".orders WHERE customer_id = " + (id % 97) + " LIMIT 5";
                    case 2 -> "SELECT * FROM " + SCHEMA + ".orders WHERE id IN (" + id + ", " + (id + 1) + ", " + (id + 7) + ")";
                    case 3 -> "UPDATE " + SCHEMA + ".orders SET status = 'paid' WHERE id = " + (id + 5000);
                    case 4 -> "SELECT total FROM " + SCHEMA + ".orders WHERE id = " + id + " AND status = 'new'";
                    default -> "SELECT 1";
                };
                st.execute(sql);
            }
        }
    }
}
