package io.ferry.sandbox;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void aPickedPortCanBeBoundOnLoopback() throws Exception {
        int port = FreePorts.pick();
        assertThat(port).isBetween(1024, 65535);
        assertThat(FreePorts.isListening(port)).isFalse();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(FreePorts.isListening(port)).isTrue();
        }
        assertThat(FreePorts.isListening(port)).isFalse();
    }

    @Test
    void successivePicksDiffer() {
        assertThat(java.util.stream.IntStream.range(0, 5).map(i -> FreePorts.pick()).distinct().count()).isGreaterThan(1);
    }
}
