package io.ferry.genlog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP peer speaking the RDS API's query protocol (form-encoded POST, XML answers in the 2014-10-31
 * namespace) for DescribeDBInstances, DescribeDBParameters and ModifyDBParameterGroup, over an in-memory set of
 * instances and parameter groups. Default groups ({@code default.*}) refuse modification as RDS does. The real
 * AWS SDK talks to it through an endpoint override; nothing of the SDK is mocked.
 */
final class RdsQueryPeer implements AutoCloseable {
    private static final String NS = "http://rds.amazonaws.com/doc/2014-10-31/";

    record Instance(int allocatedStorageGb, String group) {
    }

    final Map<String, Instance> instances = new ConcurrentHashMap<>();
    final Map<String, Map<String, String>> groups = new ConcurrentHashMap<>();
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RdsQueryPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(form);
            String action = form.getOrDefault("Action", "");
            switch (action) {
                case "DescribeDBInstances" -> describeInstances(ex, form);
                case "DescribeDBParameters" -> describeParameters(ex, form);
                case "ModifyDBParameterGroup" -> modify(ex, form);
                default -> error(ex, 400, "InvalidAction", "unsupported action " + action);
            }
        }
    }

    private void describeInstances(HttpExchange ex, Map<String, String> form) throws IOException {
        String id = form.get("DBInstanceIdentifier");
        Instance i = instances.get(id);
        if (i == null) {
            error(ex, 404, "DBInstanceNotFound", "DBInstance " + id + " not found.");
            return;
        }
        ok(ex, "DescribeDBInstances", "<DBInstances><DBInstance><DBInstanceIdentifier>" + id + "</DBInstanceIdentifier>"
                + "<Engine>mysql</Engine><AllocatedStorage>" + i.allocatedStorageGb() + "</AllocatedStorage>"
                + "<DBParameterGroups><DBParameterGroup><DBParameterGroupName>" + i.group() + "</DBParameterGroupName>"
                + "<ParameterApplyStatus>in-sync</ParameterApplyStatus></DBParameterGroup></DBParameterGroups>"
                + "</DBInstance></DBInstances>");
    }

    private void describeParameters(HttpExchange ex, Map<String, String> form) throws IOException {
        String name = form.get("DBParameterGroupName");
        Map<String, String> values = groups.get(name);
        if (values == null) {
            error(ex, 404, "DBParameterGroupNotFound", "DBParameterGroup not found: " + name);
            return;
        }
        StringBuilder xml = new StringBuilder("<Parameters>");
        // parameters RDS lists without a value (engine default), and the ones set in the group
        for (String p : List.of("general_log", "slow_query_log", "log_output", "event_scheduler", "max_connections")) {
            xml.append("<Parameter><ParameterName>").append(p).append("</ParameterName>");
            if (values.containsKey(p)) {
                xml.append("<ParameterValue>").append(values.get(p)).append("</ParameterValue><Source>user</Source>");
            } else {
                xml.append("<Source>engine-default</Source>");
            }
            xml.append("<ApplyType>dynamic</ApplyType><IsModifiable>true</IsModifiable></Parameter>");
        }
        ok(ex, "DescribeDBParameters", xml.append("</Parameters>").toString());
    }

    private void modify(HttpExchange ex, Map<String, String> form) throws IOException {
        String name = form.get("DBParameterGroupName");
        if (name.startsWith("default.")) {
            error(ex, 400, "InvalidParameterValue", "The parameter group " + name + " can't be modified: default parameter groups cannot be modified.");
            return;
        }
        Map<String, String> values = groups.get(name);
        for (int i = 1; form.containsKey("Parameters.Parameter." + i + ".ParameterName") || form.containsKey("Parameters.member." + i + ".ParameterName"); i++) {
            String prefix = form.containsKey("Parameters.Parameter." + i + ".ParameterName") ? "Parameters.Parameter." + i : "Parameters.member." + i;
            values.put(form.get(prefix + ".ParameterName"), form.get(prefix + ".ParameterValue"));
        }
        ok(ex, "ModifyDBParameterGroup", "<DBParameterGroupName>" + name + "</DBParameterGroupName>");
    }

    private static void ok(HttpExchange ex, String action, String result) throws IOException {
        send(ex, 200, "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>ferry-test</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>ferry-test</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange ex, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/xml");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
