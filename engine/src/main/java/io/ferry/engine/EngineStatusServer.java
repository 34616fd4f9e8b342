package io.ferry.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ferry.config.ReplicationJobConfig;
import io.ferry.replication.ReplicationMetrics;
import io.ferry.replication.ReplicationService;
import io.ferry.replication.TableId;
import io.ferry.replication.TableMetrics;
import io.ferry.replication.metrics.MetricsSample;
import io.ferry.replication.metrics.PurgeHorizon;
import io.ferry.server.ApiToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The running engine's live state over HTTP, on 127.0.0.1 by default: {@code GET /healthz} (open), {@code GET
 * /api/status} (JSON, what {@code ferry status} prints) and {@code GET /metrics} (Prometheus text), both behind a
 * bearer token written at each start to {@code <dataDir>/engine-token} (0600). The address goes to {@code
 * <dataDir>/engine-status} so that {@code ferry status} finds the engine of a configuration; the file is removed on
 * a clean stop.
 */
public final class EngineStatusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineStatusServer.class);
    public static final String TOKEN_FILE = "engine-token";
    public static final String ADDRESS_FILE = "engine-status";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService workers;
    private final ApiToken token;
    private final EngineReplication replication;
    private final List<String> scheduled;
    private final Path addressFile;
    private final Instant started = Instant.now();

    private EngineStatusServer(HttpServer http, ExecutorService workers, ApiToken token, EngineReplication replication,
                               List<String> scheduled, Path addressFile) {
        this.http = http;
        this.workers = workers;
        this.token = token;
        this.replication = replication;
        this.scheduled = List.copyOf(scheduled);
        this.addressFile = addressFile;
    }

    /**
     * Listens on {@code bind:port} (0: a free port) and writes the token and the address files into {@code dataDir}.
     *
     * @param scheduled one line per scheduled (genlog, druid-reindex) job
     */
    public static EngineStatusServer start(String bind, int port, Path dataDir, EngineReplication replication,
                                           List<String> scheduled) throws IOException {
        ApiToken token = ApiToken.generate(dataDir, TOKEN_FILE);
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ferry-engine-status");
            t.setDaemon(true);
            return t;
        });
        EngineStatusServer server = new EngineStatusServer(http, workers, token, replication, scheduled,
                dataDir.resolve(ADDRESS_FILE));
        http.createContext("/healthz", ex -> send(ex, 200, "application/json", "{\"status\":\"ok\"}"));
        http.createContext("/api/status", ex -> server.authorised(ex, () -> server.statusJson(), "application/json"));
        http.createContext("/metrics", ex -> server.authorised(ex, () -> server.prometheus(),
                "text/plain; version=0.0.4; charset=utf-8"));
        http.createContext("/", ex -> send(ex, 404, "application/json",
                "{\"error\":\"no such endpoint; try /healthz, /api/status or /metrics\"}"));
        http.setExecutor(workers);
        http.start();
        Files.writeString(server.addressFile, server.uri() + "\n", StandardCharsets.UTF_8);
        return server;
    }

    public URI uri() {
        return URI.create("http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort() + "/");
    }

    private interface Body {
        String get() throws Exception;
    }

    private void authorised(HttpExchange ex, Body body, String contentType) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "GET");
            send(ex, 405, "application/json", "{\"error\":\"use GET\"}");
            return;
        }
        if (!token.accepts(ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ferry-engine\"");
            send(ex, 401, "application/json", "{\"error\":\"missing or wrong bearer token (Authorization: Bearer <token>, "
                    + "the token is in <dataDir>/" + TOKEN_FILE + ")\"}");
            return;
        }
        try {
            send(ex, 200, contentType, body.get());
        } catch (Exception e) {
            LOG.warn("{} failed: {}", ex.getRequestURI().getPath(), e.toString());
            send(ex, 500, "application/json", JSON.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
        }
    }

    /** What {@code ferry status} shows. */
    String statusJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("started", started.toString());
        root.put("pid", ProcessHandle.current().pid());
        ArrayNode jobs = root.putArray("replication");
        ReplicationService service = replication.service();
        for (ReplicationService.JobView v : service.jobs()) {
            String name = v.spec().name();
            ReplicationJobConfig config = replication.configs().get(name);
            ObjectNode j = jobs.addObject();
            j.put("name", name);
            j.put("source", config == null ? null : config.source());
            j.put("target", config == null ? null : config.target());
            j.put("tables", v.spec().tables().toString());
            j.put("state", v.state().name());
            j.put("running", v.running());
            j.put("line", service.statusLine(name).orElse(null));
            j.put("lastError", v.lastError());
            v.latest().map(MetricsSample::purgeHorizon).ifPresent(h -> {
                ObjectNode p = j.putObject("purgeHorizon");
                p.put("file", h.file());
                p.put("text", h.hoursText());
                if (!Double.isInfinite(h.hoursLeft())) {
                    p.put("hoursLeft", h.hoursLeft());
                }
                p.put("usedFraction", h.usedFraction());
                p.put("warning", h.warning());
            });
            ArrayNode tables = j.putArray("tableStates");
            for (Map.Entry<TableId, TableMetrics> t : service.tables(name).entrySet()) {
                TableMetrics m = t.getValue();
                ObjectNode row = tables.addObject();
                row.put("table", t.getKey().toString());
                row.put("state", m.state().name());
                row.put("loadPercent", m.loadPercent());
                row.put("rowsLoaded", m.loadedRows());
                row.put("rowsApplied", m.rowsApplied());
                row.put("lastChange", m.lastChange() == null ? null : m.lastChange().toString());
                row.put("applyLagMillis", m.applyLag() == null ? -1 : m.applyLag().toMillis());
                row.put("zeroDatesNulled", m.zeroDatesNulled());
            }
        }
        replication.unusable().forEach((name, why) -> {
            ReplicationJobConfig config = replication.configs().get(name);
            ObjectNode j = jobs.addObject();
            j.put("name", name);
            j.put("source", config.source());
            j.put("target", config.target());
            j.put("tables", config.tables());
            j.put("state", "FAILED");
            j.put("running", false);
            j.put("lastError", why);
            j.putArray("tableStates");
        });
        ArrayNode other = root.putArray("scheduled");
        scheduled.forEach(other::add);
        return root.toString();
    }

    /** The replication figures in Prometheus text format. */
    String prometheus() {
        PrometheusText p = new PrometheusText()
                .family("ferry_replication_up", "gauge", "1 while the replication job's thread runs, else 0.")
                .family("ferry_replication_state", "gauge", "1 for the job's current state (STARTING, LOADING, STREAMING, RETRYING, STOPPED, FAILED).")
                .family("ferry_replication_source_lag_seconds", "gauge", "How far the warehouse is behind the source's binlog head, in seconds (heartbeat markers: millisecond precision).")
                .family("ferry_replication_source_lag_bytes", "gauge", "Binlog bytes between the job's checkpoint and the source's binlog head.")
                .family("ferry_replication_apply_lag_seconds", "gauge", "Source commit (heartbeat marker) to warehouse commit of the last batch, in seconds.")
                .family("ferry_replication_rows_in_total", "counter", "Rows read from the source (full-load rows and binlog row changes) since the job started.")
                .family("ferry_replication_rows_out_total", "counter", "Rows written to the warehouse (full-load rows and row changes before collapsing) since the job started.")
                .family("ferry_replication_backlog_transactions", "gauge", "Source transactions read and not yet applied.")
                .family("ferry_replication_backlog_rows", "gauge", "Row changes read and not yet applied.")
                .family("ferry_replication_batches_total", "counter", "Batches applied since the job started.")
                .family("ferry_replication_retries_total", "counter", "Restarts after a transient failure since the job started.")
                .family("ferry_replication_purge_horizon_hours", "gauge", "Hours before the source may purge the binlog file of the job's checkpoint (+Inf: no expiry).")
                .family("ferry_replication_purge_horizon_used_ratio", "gauge", "Share of the source's binlog retention the checkpoint's file has used (warning at 0.5).")
                .family("ferry_replication_table_rows_in_total", "counter", "Rows read from the source per table since the job started.")
                .family("ferry_replication_table_rows_out_total", "counter", "Rows written to the warehouse per table since the job started.");
        ReplicationService service = replication.service();
        for (ReplicationService.JobView v : service.jobs()) {
            String job = v.spec().name();
            p.sample("ferry_replication_up", v.running() ? 1 : 0, "job", job);
            for (ReplicationMetrics.State s : ReplicationMetrics.State.values()) {
                p.sample("ferry_replication_state", v.state() == s ? 1 : 0, "job", job, "state", s.name());
            }
            v.latest().ifPresent(s -> {
                if (s.sourceLagMillis() >= 0) {
                    p.sample("ferry_replication_source_lag_seconds", s.sourceLagMillis() / 1000.0, "job", job);
                }
                if (s.sourceLagBytes() >= 0) {
                    p.sample("ferry_replication_source_lag_bytes", s.sourceLagBytes(), "job", job);
                }
                if (s.applyLagMillis() >= 0) {
                    p.sample("ferry_replication_apply_lag_seconds", s.applyLagMillis() / 1000.0, "job", job);
                }
                p.sample("ferry_replication_backlog_transactions", s.backlogTransactions(), "job", job);
                p.sample("ferry_replication_backlog_rows", s.backlogRows(), "job", job);
                PurgeHorizon h = s.purgeHorizon();
                if (h != null) {
                    p.sample("ferry_replication_purge_horizon_hours", h.hoursLeft(), "job", job);
                    p.sample("ferry_replication_purge_horizon_used_ratio", h.usedFraction(), "job", job);
                }
            });
            service.metrics(job).ifPresent(m -> {
                p.sample("ferry_replication_rows_in_total", m.rowsRead(), "job", job);
                p.sample("ferry_replication_rows_out_total", m.rowsApplied(), "job", job);
                p.sample("ferry_replication_batches_total", m.batches(), "job", job);
                p.sample("ferry_replication_retries_total", m.retries(), "job", job);
                m.tables().forEach((t, tm) -> {
                    p.sample("ferry_replication_table_rows_in_total", tm.rowsRead(), "job", job, "table", t.toString());
                    p.sample("ferry_replication_table_rows_out_total", tm.rowsApplied(), "job", job, "table", t.toString());
                });
            });
        }
        return p.render();
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(addressFile);
        } catch (IOException e) {
            LOG.debug("could not remove {}", addressFile, e);
        }
        http.stop(0);
        workers.shutdownNow();
    }
}
