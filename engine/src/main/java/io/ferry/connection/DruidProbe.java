package io.ferry.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.config.DruidConnectionConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a Druid cluster: GET /status/health on the coordinator, broker and overlord; the version from /status. */
final class DruidProbe implements Probe<DruidConnectionConfig> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;
    private final HttpClient http;

    DruidProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String probe(DruidConnectionConfig c) throws CheckFailure {
        Map<URI, List<String>> roles = new LinkedHashMap<>();
        roles.computeIfAbsent(c.coordinatorUrl(), u -> new ArrayList<>()).add("coordinator");
        roles.computeIfAbsent(c.brokerUrl(), u -> new ArrayList<>()).add("broker");
        roles.computeIfAbsent(c.overlordUrl(), u -> new ArrayList<>()).add("overlord");
        for (Map.Entry<URI, List<String>> role : roles.entrySet()) {
            String who = String.join("/", role.getValue()) + " " + role.getKey();
            HttpResponse<String> health = get(role.getKey(), "/status/health", who);
            if (health.statusCode() != 200 || !health.body().trim().equals("true")) {
                throw new CheckFailure(who + " is not healthy: /status/health answered HTTP " + health.statusCode()
                        + " " + abbreviate(health.body()));
            }
        }
        String version = "Druid";
        HttpResponse<String> status = get(c.coordinatorUrl(), "/status", "coordinator " + c.coordinatorUrl());
        try {
            JsonNode v = JSON.readTree(status.body()).get("version");
            if (v != null) {
                version = "Druid " + v.asText();
            }
        } catch (IOException e) {
            // a healthy node without a readable /status: the version stays unknown
        }
        return version + "; coordinator, broker and overlord healthy";
    }

    private HttpResponse<String> get(URI base, String path, String who) throws CheckFailure {
        URI uri = base.resolve(base.getPath().replaceAll("/+$", "") + path);
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CheckFailure(who + ": " + NetworkFailures.explain(e, base.getHost() + ":" + port(base),
                    base.getHost(), timeout).orElse(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailure("interrupted while checking " + who);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
