package io.ferry.druid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP to one Druid service, with Druid's error bodies turned into {@link DruidException}s. */
final class DruidHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_BODY_IN_MESSAGE = 2000;

    private final HttpClient http;
    private final URI base;

    DruidHttp(HttpClient http, URI base) {
        this.http = http;
        this.base = stripSlash(base);
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** GET that returns the HTTP status only (health and readiness probes); 0 when nothing answers. */
    int status(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static String segment(String pathPart) {
        return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, Object body) {
        URI uri = base.resolve(path);
        String request = method + " " + uri;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(toJson(body, request)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DruidException(request, 0, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DruidException(request, 0, "interrupted", e);
        }
        String text = response.body();
        if (response.statusCode() / 100 != 2) {
            throw new DruidException(request, response.statusCode(), errorText(text), null);
        }
        if (text == null || text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text); // a few endpoints answer plain text
        }
    }

    private static String toJson(Object body, String request) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new DruidException(request, 0, "the request body could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Druid's error shapes: {@code {"error": "...", "errorMessage": "...", "errorClass": ...}} (SQL, older APIs),
     * {@code {"errorCode": ..., "persona": ..., "category": ..., "errorMessage": ...}} (DruidException) and
     * {@code {"error": "..."}} (overlord, coordinator). Anything else is quoted as it came, shortened.
     */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode) {
                String message = text(node, "errorMessage");
                String error = text(node, "error");
                if (message != null && error != null && !message.equals(error)) {
                    return message + " (" + error + ")";
                }
                if (message != null) {
                    return message;
                }
                if (error != null) {
                    return error;
                }
            }
        } catch (JsonProcessingException notJson) {
            // quoted below
        }
        String trimmed = body.strip();
        return trimmed.length() <= MAX_BODY_IN_MESSAGE ? trimmed : trimmed.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
