package io.ferry.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real client is made on the first call (a background task), once; the stub stands in for it. */
class DeferredEngineClientTest {
    private final StubEngineClient real = StubEngineClient.configured(List.of(StubEngineClient.up("source", "mysql", "x")));
    private final AtomicInteger created = new AtomicInteger();
    private final DeferredEngineClient deferred = new DeferredEngineClient(() -> {
        created.incrementAndGet();
        return real;
    });

    @Test
    void makesTheClientOnTheFirstCallOnly() {
        assertThat(created.get()).isZero();

        assertThat(deferred.isConfigured()).isTrue();
        assertThat(deferred.checkConnections()).hasSize(1);
        assertThat(deferred.info()).isEqualTo(StubEngineClient.INFO);

        assertThat(created.get()).isEqualTo(1);
    }

    @Test
    void closeClosesTheClientItMadeAndLaterCallsSaySo() {
        deferred.isConfigured();
        deferred.close();

        assertThat(real.isClosed()).isTrue();
        assertThatThrownBy(deferred::checkConnections).hasMessageContaining("the engine client is closed");
    }

    @Test
    void closingBeforeAnyCallMakesNoClient() {
        deferred.close();
        assertThat(created.get()).isZero();
    }
}
