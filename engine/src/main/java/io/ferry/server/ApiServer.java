package io.ferry.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ferry.druid.DruidException;
import io.ferry.reporting.DataTableJson;
import io.ferry.reporting.ReportRequestException;
import io.ferry.reporting.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Ferry's HTTP API on the JDK's own server: {@code GET /healthz} (open) and {@code GET /api/reports/{name}?from=&to=}
 * (bearer token), answering Google Visualization DataTable JSON. Binds where told (127.0.0.1 by default).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String REPORTS = "/api/reports/";

    private final HttpServer http;
    private final ExecutorService workers;
    private final ApiToken token;
    private final ReportService reports;

    private ApiServer(HttpServer http, ExecutorService workers, ApiToken token, ReportService reports) {
        this.http = http;
        this.workers = workers;
        this.token = token;
        this.reports = reports;
    }

    /** Starts listening on {@code bind:port} (port 0: a free one). */
    public static ApiServer start(String bind, int port, ApiToken token, ReportService reports) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ferry-api");
            t.setDaemon(true);
            return t;
        });
        ApiServer server = new ApiServer(http, workers, token, reports);
        http.createContext("/healthz", server::health);
        http.createContext(REPORTS, server::report);
        http.createContext("/", exchange -> send(exchange, 404, error("no such endpoint; try /healthz or /api/reports/NAME")));
        http.setExecutor(workers);
        http.start();
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://" + http.getAddress().getHostString() + ":" + port() + "/");
    }

    private void health(HttpExchange exchange) throws IOException {
        send(exchange, 200, "{\"status\":\"ok\"}");
    }

    private void report(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, error("use GET"));
            return;
        }
        if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"ferry\"");
            send(exchange, 401, error("missing or wrong bearer token (Authorization: Bearer <token>)"));
            return;
        }
        String name = exchange.getRequestURI().getPath().substring(REPORTS.length());
        try {
            String json = DataTableJson.write(reports.run(name, query(exchange.getRequestURI().getRawQuery())));
            send(exchange, 200, json);
        } catch (ReportRequestException e) {
            send(exchange, e.notFound() ? 404 : 400, error(e.getMessage()));
        } catch (DruidException e) {
            send(exchange, 502, error(e.getMessage())); // Druid's own message and the request that failed
        } catch (Exception e) {
            LOG.warn("report {} failed: {}", name, e.toString());
            send(exchange, 500, error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String error(String message) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("error", message);
        return node.toString();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(1);
        workers.shutdownNow();
    }
}
