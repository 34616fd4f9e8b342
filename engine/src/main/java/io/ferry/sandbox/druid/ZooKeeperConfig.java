package io.ferry.sandbox.druid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ZooKeeper for Druid, run from Druid's own classpath ({@code ZooKeeperServerMain zoo.cfg}), and its health probe. */
final class ZooKeeperConfig {
    static final String MAIN = "org.apache.zookeeper.server.ZooKeeperServerMain";

    private ZooKeeperConfig() {
    }

    static Map<String, String> zooCfg(Path dir, int port) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tickTime", "2000");
        p.put("dataDir", dir.resolve("data").toString());
        p.put("clientPort", Integer.toString(port));
        p.put("clientPortAddress", "127.0.0.1");
        p.put("maxClientCnxns", "0");
        return p;
    }

    static List<String> jvmArgs(Path dir) {
        List<String> args = new ArrayList<>(List.of("-Xmx128m"));
        args.addAll(DruidConfig.smallJvm());
        args.addAll(List.of(
                "-Dzookeeper.admin.enableServer=false",
                "-Dzookeeper.4lw.commands.whitelist=srvr",
                "-Dlog4j.configurationFile=" + dir.resolve("conf").resolve("log4j2.xml"),
                "-Djava.io.tmpdir=" + dir.resolve("tmp")));
        return args;
    }

    /**
     * True when ZooKeeper serves requests: its {@code srvr} four-letter word reports a mode. ({@code ruok} answers
     * {@code imok} even when the server failed to load its database and refuses every session.)
     */
    static boolean isOk(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).contains("Mode: standalone");
        } catch (IOException e) {
            return false;
        }
    }
}
