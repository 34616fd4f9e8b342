package io.ferry.connection;

import io.ferry.config.HostPort;
import io.ferry.config.KafkaConnectionConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Checks that every Kafka bootstrap server accepts a TCP connection; the Kafka protocol is not spoken. */
final class KafkaProbe implements Probe<KafkaConnectionConfig> {
    private final Duration timeout;

    KafkaProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String probe(KafkaConnectionConfig c) throws CheckFailure {
        for (HostPort server : c.bootstrapServers()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.host(), server.port()), (int) timeout.toMillis());
            } catch (IOException e) {
                throw new CheckFailure("bootstrap server " + NetworkFailures.explain(e, server.toString(), server.host(),
                        timeout).orElse(server + ": " + e.getMessage()));
            }
        }
        int n = c.bootstrapServers().size();
        return (n == 1 ? "bootstrap server accepts" : "all " + n + " bootstrap servers accept")
                + " TCP connections (only reachability was checked, not the Kafka protocol)";
    }
}
