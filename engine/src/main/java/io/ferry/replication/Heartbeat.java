package io.ferry.replication;

import io.ferry.genlog.FerrySchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The job's heartbeat: every {@link ReplicationJobSpec#heartbeatInterval()} it writes one row (its name and the
 * engine's clock as DATETIME(6)) into {@code ferry_admin.replication_heartbeat} on the source, on a thread and a
 * connection of its own. The stream recognises the row ({@link #recognise}): it never reaches the warehouse, the
 * transaction carrying it takes the marker as its commit time (binlog timestamps are whole seconds of the statement
 * start), and a batch holding one moves the checkpoint at once. So on an idle source the checkpoint keeps moving and
 * both lags stay measured: apply lag = warehouse commit − marker, on the engine's one clock (no clock skew with the
 * source). Rows of other jobs are dropped like any filtered-out change.
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final TableId TABLE = new TableId(FerrySchema.NAME, "replication_heartbeat");
    static final String DDL = "CREATE TABLE IF NOT EXISTS " + FerrySchema.quoted() + ".`" + TABLE.table() + "` ("
            + "job VARCHAR(100) NOT NULL PRIMARY KEY, marker DATETIME(6) NOT NULL) ENGINE=InnoDB";
    private static final String WRITE = "INSERT INTO " + FerrySchema.quoted() + ".`" + TABLE.table()
            + "` (job, marker) VALUES (?, ?) ON DUPLICATE KEY UPDATE marker = VALUES(marker)";
    private static final DateTimeFormatter MARKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final ReplicationJobSpec spec;
    private final Clock clock;
    private final ReplicationMetrics metrics;
    /** End positions of the marker transactions read and not applied yet. */
    private final NavigableSet<BinlogPosition> markers = new ConcurrentSkipListSet<>();
    private volatile TableSchema schema;
    private ScheduledExecutorService writer;
    private Connection connection;
    private String lastFailure;

    public Heartbeat(ReplicationJobSpec spec, Clock clock, ReplicationMetrics metrics) {
        this.spec = spec;
        this.clock = clock;
        this.metrics = metrics;
    }

    public boolean enabled() {
        return spec.heartbeatInterval() != null;
    }

    /**
     * Creates the table if missing and writes the first row. A source where that fails (no CREATE or INSERT grant
     * on {@code ferry_admin}) is a pre-flight problem, unless the job says {@code heartbeat: off}.
     */
    public void prepare(Connection source) throws SQLException {
        if (!enabled()) {
            return;
        }
        try {
            createTable(source);
            write(source);
        } catch (SQLException e) {
            throw new PreflightException(List.of(problem(spec.name(), source, e)));
        }
        schema = SchemaReader.read(source, TABLE);
    }

    static String problem(String job, Connection source, SQLException e) {
        String user;
        try {
            user = source.getMetaData().getUserName();
        } catch (SQLException unknown) {
            user = "the replication user";
        }
        return "job " + job + " cannot write its heartbeat row into " + TABLE + " (" + e.getMessage() + "): GRANT CREATE, "
                + "INSERT, UPDATE ON " + FerrySchema.NAME + ".* TO " + user + "; or set 'heartbeat: off' in the job (then "
                + "lag is measured from whole-second binlog timestamps and the checkpoint moves only with the source's "
                + "own transactions)";
    }

    /** Writes a row every interval until {@link #close()}; a failed write is logged and tried again next time. */
    public void start() {
        if (!enabled()) {
            return;
        }
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-heartbeat-" + spec.name());
            t.setDaemon(true);
            return t;
        });
        long every = spec.heartbeatInterval().toMillis();
        writer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            if (connection == null || !connection.isValid(2)) {
                closeConnection();
                connection = spec.source().connect();
            }
            if (lastFailure != null) {
                createTable(connection); // someone may have dropped ferry_admin
            }
            write(connection);
            if (lastFailure != null) {
                LOG.info("Job {}: heartbeat rows are written again", spec.name());
                lastFailure = null;
            }
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                LOG.warn("Job {}: could not write the heartbeat row ({}); trying again in {} ms", spec.name(),
                        e.getMessage(), spec.heartbeatInterval().toMillis());
            }
            lastFailure = String.valueOf(e.getMessage());
        }
    }

    private static void createTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + FerrySchema.quoted());
            st.execute(DDL);
        }
    }

    private void write(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WRITE)) {
            ps.setString(1, spec.name());
            ps.setString(2, MARKER.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            ps.executeUpdate();
        }
    }

    /** The selected tables' schemas, plus the heartbeat table's so that its rows are decoded. */
    public TransactionAssembler.Schemas schemas(Map<TableId, TableSchema> selected) {
        return id -> TABLE.equals(id) ? schema : selected.get(id);
    }

    /**
     * The transaction without heartbeat rows. One that carried only this job's heartbeat row gets the row's marker as
     * its commit time and is remembered as a marker until applied.
     */
    public Transaction recognise(Transaction txn) {
        List<RowChange> others = new ArrayList<>(txn.changes().size());
        Instant marker = null;
        for (RowChange c : txn.changes()) {
            if (!TABLE.equals(c.table())) {
                others.add(c);
            } else if (c.after() != null && spec.name().equals(String.valueOf(c.after()[schema.indexOf("job")]))) {
                marker = ((LocalDateTime) c.after()[schema.indexOf("marker")]).toInstant(ZoneOffset.UTC);
            }
        }
        if (others.size() == txn.changes().size()) {
            return txn;
        }
        if (marker == null || !others.isEmpty()) {
            return new Transaction(others, txn.end(), txn.commitTime(), txn.schemaChange());
        }
        markers.add(txn.end());
        return new Transaction(others, txn.end(), marker, txn.schemaChange());
    }

    /** Whether the batch holds a heartbeat marker (then the checkpoint moves now, not after the idle delay). */
    public boolean marks(List<Transaction> batch) {
        return batch.stream().anyMatch(t -> markers.contains(t.end()));
    }

    /** The batch was committed in the warehouse at {@code warehouseCommit}: its newest marker gives the apply lag. */
    public void applied(List<Transaction> batch, Instant warehouseCommit) {
        Instant newest = null;
        for (Transaction t : batch) {
            if (markers.remove(t.end())) {
                newest = t.commitTime();
            }
        }
        if (newest != null) {
            metrics.markerApplied(newest, warehouseCommit);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
        closeConnection();
    }
}
