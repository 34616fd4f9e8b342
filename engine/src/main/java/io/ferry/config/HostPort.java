package io.ferry.config;

/** A {@code host:port} pair. */
public record HostPort(String host, int port) {
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
