package io.ferry.connection;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;

/** Names the network-level cause of a failure (unknown host, refused, unreachable, timed out, TLS), if any. */
final class NetworkFailures {
    private NetworkFailures() {
    }

    /**
     * @param where   host:port or URL the connection went to
     * @param host    the host name alone
     * @param timeout the connect timeout in force, for "timed out after ..."
     */
    static Optional<String> explain(Throwable failure, String where, String host, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Optional.of("unknown host '" + host + "': the name does not resolve (check the host name and DNS)");
            }
            if (t instanceof NoRouteToHostException) {
                return Optional.of("host unreachable: no route to " + where);
            }
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
                return Optional.of("timed out after " + seconds(timeout) + " connecting to " + where
                        + " (the host is unreachable or a firewall drops the packets)");
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return Optional.of("timed out after " + seconds(timeout) + " waiting for " + where + " to answer");
            }
            if (t instanceof ConnectException) {
                return Optional.of("connection refused by " + where + " (nothing listens on that port, or a firewall"
                        + " rejects the connection)");
            }
            if (t instanceof SSLException) {
                return Optional.of("TLS handshake with " + where + " failed: " + t.getMessage());
            }
        }
        return Optional.empty();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
