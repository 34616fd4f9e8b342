package io.ferry.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A synthetic OLTP workload on the {@code shop} schema ({@link OltpSchema}): a realistic mix of inserts
 * (about half), updates and deletes, in transactions of one to a few rows, paced to a target rate of rows/s
 * on its own thread. The same seed on a fresh schema gives the same sequence of statements.
 */
public final class OltpWorkload implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OltpWorkload.class);
    private static final List<String> COUNTRIES = List.of("US", "DE", "FR", "JP", "BR", "IN", "GB", "TR");
    private static final List<String> HEADLINES = List.of(
            "Summer sale 🌞 up to 50%", "Été: soldes d'été à Paris", "春のキャンペーン開始", "Ночь скидок",
            "Ölçek büyüyor 🚀", "Grüße aus Köln", "Oferta relâmpago ⚡", "नया संग्रह");
    private static final List<String> FIRST = List.of("Ada", "Björn", "Chloé", "Dmitri", "Eun-ji", "Fatima", "Gonçalo", "Hiroshi");
    private static final List<String> LAST = List.of("Lovelace", "Ångström", "Dupont", "Ivanov", "Kim", "Haddad", "Silva", "Tanaka");

    private final DatabaseEndpoint endpoint;
    private final double rowsPerSecond;
    private final Random random;
    private final Clock clock;
    private final AtomicLong inserts = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong deletes = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError;
    private Thread thread;
    private long customerSeq;

    public OltpWorkload(DatabaseEndpoint endpoint, double rowsPerSecond, long seed, Clock clock) {
        if (rowsPerSecond <= 0) {
            throw new IllegalArgumentException("The workload rate must be positive (rows/s), got " + rowsPerSecond);
        }
        this.endpoint = endpoint;
        this.rowsPerSecond = rowsPerSecond;
        this.random = new Random(seed);
        this.clock = clock;
    }

    public OltpWorkload(DatabaseEndpoint endpoint, double rowsPerSecond, long seed) {
        this(endpoint, rowsPerSecond, seed, Clock.systemUTC());
    }

    /** Creates the schema if needed and starts writing on a background thread. */
    public synchronized void start() throws SQLException {
        if (thread != null) {
            throw new IllegalStateException("The workload is already running");
        }
        try (Connection c = endpoint.connect()) {
            OltpSchema.create(c);
        }
        running = true;
        thread = new Thread(this::loop, "ferry-oltp-workload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the transaction in flight and waits for the thread to end. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            thread.join(TimeUnit.SECONDS.toMillis(10));
            thread = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public WorkloadCounts counts() {
        return new WorkloadCounts(inserts.get(), updates.get(), deletes.get(), transactions.get(), errors.get());
    }

    /** The last failure's message, or null; failures are counted and the workload goes on. */
    public String lastError() {
        return lastError;
    }

    public double rowsPerSecond() {
        return rowsPerSecond;
    }

    /** Runs {@code count} transactions on the caller's thread, unpaced; for tests and seeding. */
    public void runTransactions(int count) throws SQLException {
        try (Connection c = endpoint.connect()) {
            OltpSchema.create(c);
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                runOne(c);
            }
        }
    }

    private void loop() {
        long nanosPerRow = (long) (TimeUnit.SECONDS.toNanos(1) / rowsPerSecond);
        long next = System.nanoTime();
        Connection c = null;
        while (running) {
            try {
                if (c == null || c.isClosed()) {
                    c = endpoint.connect();
                    c.setAutoCommit(false);
                }
                int rows = runOne(c);
                next += Math.max(1, rows) * nanosPerRow;
                long now = System.nanoTime();
                if (now - next > TimeUnit.SECONDS.toNanos(1)) {
                    next = now; // fell behind (slow server): do not burst to catch up
                }
                while (running && next - System.nanoTime() > 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            } catch (SQLException e) {
                errors.incrementAndGet();
                lastError = e.getMessage();
                LOG.debug("Workload transaction failed", e);
                closeQuietly(c);
                c = null;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        closeQuietly(c);
    }

    /** One transaction; returns the rows it wrote directly. */
    private int runOne(Connection c) throws SQLException {
        long i0 = inserts.get(), u0 = updates.get(), d0 = deletes.get();
        try {
            int pick = random.nextInt(100);
            if (pick < 50) {
                insertSomething(c);
            } else if (pick < 85) {
                updateSomething(c);
            } else {
                deleteSomething(c);
            }
            c.commit();
            transactions.incrementAndGet();
        } catch (SQLException e) {
            c.rollback();
            inserts.set(i0);
            updates.set(u0);
            deletes.set(d0);
            throw e;
        }
        return (int) ((inserts.get() - i0) + (updates.get() - u0) + (deletes.get() - d0));
    }

    private void insertSomething(Connection c) throws SQLException {
        int pick = random.nextInt(100);
        Long advertiser = anyId(c, "advertisers");
        Long campaign = advertiser == null ? null : anyId(c, "campaigns");
        Long customer = anyId(c, "customers");
        if (advertiser == null || pick < 5) {
            long id = insertAdvertiser(c);
            insertCampaign(c, id);
        } else if (campaign == null || pick < 15) {
            long id = insertCampaign(c, advertiser);
            insertCreative(c, id);
        } else if (pick < 30) {
            insertCreative(c, campaign);
        } else if (customer == null || pick < 45) {
            insertCustomer(c);
        } else {
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                insertOrder(c, customer, random.nextInt(4) == 0 ? null : campaign);
            }
        }
    }

    private void updateSomething(Connection c) throws SQLException {
        int pick = random.nextInt(100);
        if (pick < 40) {
            update(c, "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?", "orders",
                    List.of("placed", "paid", "shipped", "cancelled").get(random.nextInt(4)));
        } else if (pick < 60) {
            update(c, "UPDATE customers SET lifetime_value = lifetime_value + ?, updated_at = ? WHERE id = ?", "customers",
                    money(5, 300));
        } else if (pick < 80) {
            update(c, "UPDATE campaigns SET budget = budget + ?, targeting = JSON_SET(targeting, '$.maxBid', ?), updated_at = ? WHERE id = ?",
                    "campaigns", money(10, 1000), money(1, 20));
        } else if (pick < 92) {
            update(c, "UPDATE creatives SET approved = NOT approved, updated_at = ? WHERE id = ?", "creatives");
        } else {
            update(c, "UPDATE advertisers SET status = ?, credit_limit = ?, updated_at = ? WHERE id = ?", "advertisers",
                    List.of("active", "paused", "closed").get(random.nextInt(3)), money(1000, 100000));
        }
    }

    private void deleteSomething(Connection c) throws SQLException {
        int pick = random.nextInt(100);
        String table = pick < 60 ? "orders" : pick < 80 ? "creatives" : pick < 92 ? "customers" : pick < 98 ? "campaigns" : "advertisers";
        Long id = anyId(c, table);
        if (id == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            deletes.addAndGet(ps.executeUpdate());
        }
    }

    /** Binds the extra values, then updated_at, then the id of a random existing row. */
    private void update(Connection c, String sql, String table, Object... values) throws SQLException {
        Long id = anyId(c, table);
        if (id == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values) {
                ps.setObject(i++, v);
            }
            ps.setTimestamp(i++, now());
            ps.setLong(i, id);
            updates.addAndGet(ps.executeUpdate());
        }
    }

    private long insertAdvertiser(Connection c) throws SQLException {
        return insert(c, "INSERT INTO advertisers (name, country, status, credit_limit, created_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?)",
                pickOne(LAST) + " " + List.of("Media", "Ads", "GmbH", "SARL", "株式会社").get(random.nextInt(5)),
                pickOne(COUNTRIES), money(1000, 100000), now(), now());
    }

    private long insertCampaign(Connection c, long advertiserId) throws SQLException {
        String targeting = "{\"countries\":[\"" + pickOne(COUNTRIES) + "\",\"" + pickOne(COUNTRIES) + "\"],"
                + "\"ageMin\":" + (18 + random.nextInt(20)) + ",\"devices\":[\"mobile\",\"desktop\"]}";
        LocalDateTime start = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).plusDays(random.nextInt(30));
        return insert(c, "INSERT INTO campaigns (advertiser_id, name, status, budget, bid_cpm, targeting, starts_at, ends_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                advertiserId, "Campaign " + pickOne(HEADLINES), List.of("draft", "running", "paused").get(random.nextInt(3)),
                money(100, 50000), new BigDecimal(random.nextInt(200000)).movePointLeft(4), targeting,
                Timestamp.valueOf(start), random.nextBoolean() ? null : Timestamp.valueOf(start.plusDays(30)), now());
    }

    private long insertCreative(Connection c, long campaignId) throws SQLException {
        int format = random.nextInt(3);
        int[][] sizes = {{300, 250}, {1920, 1080}, {1200, 628}};
        return insert(c, "INSERT INTO creatives (campaign_id, format, width, height, headline, body, approved, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                campaignId, List.of("banner", "video", "native").get(format), sizes[format][0], sizes[format][1],
                pickOne(HEADLINES), random.nextBoolean() ? null : pickOne(HEADLINES) + " — " + pickOne(HEADLINES),
                random.nextBoolean(), now());
    }

    private long insertCustomer(Connection c) throws SQLException {
        String first = pickOne(FIRST);
        String last = pickOne(LAST);
        customerSeq++;
        String email = (first + "." + last).toLowerCase(java.util.Locale.ROOT) + "." + random.nextInt(1_000_000) + "."
                + customerSeq + "@example.com";
        String prefs = "{\"newsletter\":" + random.nextBoolean() + ",\"language\":\"" + pickOne(List.of("en", "de", "fr", "ja")) + "\"}";
        return insert(c, "INSERT INTO customers (email, full_name, birth_date, lifetime_value, preferences, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)",
                email, first + " " + last, java.sql.Date.valueOf(LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28))),
                random.nextInt(5) == 0 ? null : prefs, now(), now());
    }

    private long insertOrder(Connection c, long customerId, Long campaignId) throws SQLException {
        return insert(c, "INSERT INTO orders (customer_id, campaign_id, status, total, currency, placed_at, updated_at) VALUES (?, ?, 'placed', ?, ?, ?, ?)",
                customerId, campaignId, money(1, 2000), pickOne(List.of("USD", "EUR", "JPY", "TRY")), now(), now());
    }

    private long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            inserts.addAndGet(ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A random existing id: the first id at or after a random point below the table's highest id. */
    private Long anyId(Connection c, String table) throws SQLException {
        long max;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM " + table)) {
            rs.next();
            max = rs.getLong(1);
            if (rs.wasNull()) {
                return null;
            }
        }
        long from = 1 + (long) (random.nextDouble() * max);
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM " + table + " WHERE id >= ?")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? max : id;
            }
        }
    }

    private BigDecimal money(int min, int max) {
        return new BigDecimal(min * 100L + random.nextInt((max - min) * 100)).movePointLeft(2);
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    }

    private <T> T pickOne(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }
}
