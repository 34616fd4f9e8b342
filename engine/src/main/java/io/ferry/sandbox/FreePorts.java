package io.ferry.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free TCP ports on the loopback interface, and whether something listens on one. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * A port nothing listens on right now: the operating system picks it, we release it at once and the
     * server binds it a moment later (a tiny window in which another process could take it, which is why
     * every server start fails loudly rather than silently on "address in use").
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** True when a TCP connection to 127.0.0.1:port is accepted. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
