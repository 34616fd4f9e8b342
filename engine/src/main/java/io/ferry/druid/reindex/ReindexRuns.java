package io.ferry.druid.reindex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.state.StateStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The re-index run records in the {@link StateStore} (migration V3): runs, their steps, tasks, the segment versions
 * they produced and per-chunk figures. {@link #batchVersions} is how the rest of Ferry tells batch segments from
 * real-time ones.
 */
public final class ReindexRuns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Long>> SUMS = new TypeReference<>() {
    };

    private final StateStore store;

    public ReindexRuns(StateStore store) {
        this.store = store;
    }

    /** Records a run as RUNNING and returns its id. */
    public long start(String job, String datasource, TimeInterval interval, String triggeredBy, Instant at) {
        String sql = "INSERT INTO \"druid_reindex_run\" (\"job\", \"datasource\", \"interval_start\", \"interval_end\","
                + " \"triggered_by\", \"started_at\", \"status\") VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, job);
            ps.setString(2, datasource);
            ps.setObject(3, utc(interval.start()));
            ps.setObject(4, utc(interval.end()));
            ps.setString(5, triggeredBy);
            ps.setObject(6, utc(at));
            ps.setString(7, RunStatus.RUNNING.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    public void input(long runId, InputCheck check) {
        update(runId, "UPDATE \"druid_reindex_run\" SET \"input_files\" = ?, \"input_bytes\" = ? WHERE \"id\" = ?",
                check.files(), check.bytes());
    }

    public void flattened(long runId, FlatBatch batch) {
        update(runId, "UPDATE \"druid_reindex_run\" SET \"rows_in\" = ?, \"rows_out\" = ?, \"rows_rejected\" = ? WHERE \"id\" = ?",
                batch.rowsIn(), batch.rowsOut(), batch.rowsRejected());
    }

    public void finish(long runId, RunStatus status, String error, Instant at) {
        String sql = "UPDATE \"druid_reindex_run\" SET \"status\" = ?, \"error\" = ?, \"finished_at\" = ? WHERE \"id\" = ?";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.name());
            if (error == null) {
                ps.setNull(2, Types.CLOB);
            } else {
                ps.setString(2, error);
            }
            ps.setObject(3, utc(at));
            ps.setLong(4, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    public void steps(long runId, List<StepRecord> steps) {
        String sql = "MERGE INTO \"druid_reindex_step\" (\"run_id\", \"position\", \"step\", \"status\", \"attempts\","
                + " \"started_at\", \"millis\", \"error\") KEY (\"run_id\", \"position\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < steps.size(); i++) {
                StepRecord s = steps.get(i);
                ps.setLong(1, runId);
                ps.setInt(2, i);
                ps.setString(3, s.step());
                ps.setString(4, s.status().name());
                ps.setInt(5, s.attempts());
                ps.setObject(6, s.startedAt() == null ? null : utc(s.startedAt()));
                ps.setObject(7, s.took() == null ? null : s.took().toMillis());
                ps.setString(8, s.error());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    public void task(long runId, TaskRecord task) {
        String sql = "MERGE INTO \"druid_reindex_task\" (\"run_id\", \"task_id\", \"attempt\", \"status\", \"error\")"
                + " KEY (\"run_id\", \"task_id\") VALUES (?, ?, ?, ?, ?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            ps.setString(2, task.taskId());
            ps.setInt(3, task.attempt());
            ps.setString(4, task.status());
            ps.setString(5, task.error());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** The versions a run's task produced, with how many segments each had when first seen. */
    public void versions(long runId, String datasource, Map<String, Integer> segmentsByVersion) {
        String sql = "MERGE INTO \"druid_reindex_version\" (\"run_id\", \"datasource\", \"version\", \"segments\")"
                + " KEY (\"run_id\", \"version\") VALUES (?, ?, ?, ?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, Integer> v : segmentsByVersion.entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, datasource);
                ps.setString(3, v.getKey());
                ps.setInt(4, v.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Writes (or completes) the figures of chunks; a null figure leaves the stored one as it is. */
    public void chunks(long runId, List<ChunkRecord> chunks) {
        String sql = "MERGE INTO \"druid_reindex_chunk\" (\"run_id\", \"chunk_start\", \"chunk_end\", \"realtime_events\","
                + " \"realtime_sums\", \"input_events\", \"input_sums\", \"druid_events\", \"druid_sums\")"
                + " KEY (\"run_id\", \"chunk_start\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Map<TimeInterval, ChunkRecord> stored = new TreeMap<>();
        for (ChunkRecord r : readChunks(runId)) {
            stored.put(r.chunk(), r);
        }
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (ChunkRecord fresh : chunks) {
                ChunkRecord old = stored.get(fresh.chunk());
                ChunkRecord r = old == null ? fresh : new ChunkRecord(fresh.chunk(),
                        fresh.realtime() != null ? fresh.realtime() : old.realtime(),
                        fresh.input() != null ? fresh.input() : old.input(),
                        fresh.druid() != null ? fresh.druid() : old.druid());
                ps.setLong(1, runId);
                ps.setObject(2, utc(r.chunk().start()));
                ps.setObject(3, utc(r.chunk().end()));
                figures(ps, 4, r.realtime());
                figures(ps, 6, r.input());
                figures(ps, 8, r.druid());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** Every segment version Ferry's re-index tasks produced for {@code datasource}: its batch segments. */
    public Set<String> batchVersions(String datasource) {
        String sql = "SELECT DISTINCT \"version\" FROM \"druid_reindex_version\" WHERE \"datasource\" = ?";
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, datasource);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** The intervals a job re-indexed successfully. */
    public Set<TimeInterval> succeededIntervals(String job) {
        String sql = "SELECT \"interval_start\", \"interval_end\" FROM \"druid_reindex_run\" WHERE \"job\" = ? AND \"status\" = ?";
        Set<TimeInterval> out = new LinkedHashSet<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job);
            ps.setString(2, RunStatus.SUCCEEDED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TimeInterval(instant(rs, 1), instant(rs, 2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** When the job last started a run, if ever. */
    public java.util.Optional<Instant> lastStart(String job) {
        String sql = "SELECT MAX(\"started_at\") FROM \"druid_reindex_run\" WHERE \"job\" = ?";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return java.util.Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    public RunRecord run(long runId) {
        List<RunRecord> runs = query("WHERE \"id\" = ?", runId, 1);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no re-index run " + runId);
        }
        return runs.get(0);
    }

    /** The newest runs first, of one job or (null) of all. */
    public List<RunRecord> history(String job, int limit) {
        return job == null ? query("", null, limit) : query("WHERE \"job\" = ?", job, limit);
    }

    private List<RunRecord> query(String where, Object param, int limit) {
        String sql = "SELECT \"id\", \"job\", \"datasource\", \"interval_start\", \"interval_end\", \"triggered_by\","
                + " \"started_at\", \"finished_at\", \"status\", \"input_files\", \"input_bytes\", \"rows_in\", \"rows_out\","
                + " \"rows_rejected\", \"error\" FROM \"druid_reindex_run\" " + where + " ORDER BY \"id\" DESC LIMIT ?";
        List<RunRecord> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (param != null) {
                ps.setObject(i++, param);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    out.add(new RunRecord(id, rs.getString("job"), rs.getString("datasource"),
                            new TimeInterval(instant(rs, 4), instant(rs, 5)), rs.getString("triggered_by"),
                            instant(rs, 7), finished == null ? null : finished.toInstant(),
                            RunStatus.valueOf(rs.getString("status")),
                            (Integer) rs.getObject("input_files"), longOrNull(rs, "input_bytes"), longOrNull(rs, "rows_in"),
                            longOrNull(rs, "rows_out"), longOrNull(rs, "rows_rejected"), rs.getString("error"),
                            readSteps(c, id), readTasks(c, id), readVersions(c, id), readChunks(id)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private List<StepRecord> readSteps(Connection c, long runId) throws SQLException {
        List<StepRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"step\", \"status\", \"attempts\", \"started_at\", \"millis\","
                + " \"error\" FROM \"druid_reindex_step\" WHERE \"run_id\" = ? ORDER BY \"position\"")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime started = rs.getObject(4, OffsetDateTime.class);
                    Long millis = longOrNull(rs, "millis");
                    out.add(new StepRecord(rs.getString(1), StepRunner.Status.valueOf(rs.getString(2)), rs.getInt(3),
                            started == null ? null : started.toInstant(), millis == null ? null : java.time.Duration.ofMillis(millis),
                            rs.getString(6)));
                }
            }
        }
        return out;
    }

    private List<TaskRecord> readTasks(Connection c, long runId) throws SQLException {
        List<TaskRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"task_id\", \"attempt\", \"status\", \"error\""
                + " FROM \"druid_reindex_task\" WHERE \"run_id\" = ? ORDER BY \"attempt\"")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private List<String> readVersions(Connection c, long runId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT \"version\" FROM \"druid_reindex_version\" WHERE \"run_id\" = ?"
                + " ORDER BY \"version\"")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<ChunkRecord> readChunks(long runId) {
        List<ChunkRecord> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("SELECT \"chunk_start\", \"chunk_end\","
                + " \"realtime_events\", \"realtime_sums\", \"input_events\", \"input_sums\", \"druid_events\", \"druid_sums\""
                + " FROM \"druid_reindex_chunk\" WHERE \"run_id\" = ? ORDER BY \"chunk_start\"")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChunkRecord(new TimeInterval(instant(rs, 1), instant(rs, 2)),
                            figures(rs, 3), figures(rs, 5), figures(rs, 7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private static void figures(PreparedStatement ps, int index, ChunkFigures f) throws SQLException {
        if (f == null) {
            ps.setNull(index, Types.BIGINT);
            ps.setNull(index + 1, Types.VARCHAR);
            return;
        }
        ps.setLong(index, f.events());
        try {
            ps.setString(index + 1, JSON.writeValueAsString(new TreeMap<>(f.sums())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChunkFigures figures(ResultSet rs, int index) throws SQLException {
        long events = rs.getLong(index);
        if (rs.wasNull()) {
            return null;
        }
        String sums = rs.getString(index + 1);
        try {
            return new ChunkFigures(events, sums == null ? Map.of() : JSON.readValue(sums, SUMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable chunk sums in the state store: " + sums, e);
        }
    }

    private void update(long runId, String sql, Number... values) {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.setLong(values.length + 1, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " the re-index records in the state store: " + e.getMessage(), e);
    }
}
