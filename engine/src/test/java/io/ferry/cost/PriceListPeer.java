package io.ferry.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP peer speaking the AWS Price List API's JSON 1.1 protocol for {@code GetProducts}, answering
 * from recorded-shape responses in {@code src/test/resources/io/ferry/cost/pricelist/}
 * ({@code <ServiceCode>-<instanceType>.json}, or {@code -page1}/{@code -page2} for a paginated answer).
 * Any other type gets an empty PriceList, as the real API does for a type it does not sell.
 */
final class PriceListPeer implements AutoCloseable {
    record Request(String target, String contentType, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    PriceListPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            requests.add(new Request(target, ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestHeaders().getFirst("Authorization"), body));
            if (!"AWSPriceListService.GetProducts".equals(target)) {
                send(ex, 400, "{\"__type\":\"InvalidParameterException\",\"Message\":\"unsupported target " + target + "\"}");
                return;
            }
            String service = body.path("ServiceCode").asText();
            String type = null;
            for (JsonNode f : body.path("Filters")) {
                if ("instanceType".equals(f.path("Field").asText())) {
                    type = f.path("Value").asText();
                }
            }
            String token = body.path("NextToken").asText(null);
            String base = "/io/ferry/cost/pricelist/" + service + "-" + type;
            byte[] answer = resource(base + ".json");
            if (answer == null) {
                answer = resource(base + (token == null ? "-page1.json" : "-page2.json"));
            }
            send(ex, 200, answer == null ? "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}"
                    : new String(answer, StandardCharsets.UTF_8));
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = PriceListPeer.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
