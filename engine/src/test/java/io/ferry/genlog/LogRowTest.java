package io.ferry.genlog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogRowTest {
    private static LogRow row(String userHost) {
        return new LogRow("", userHost, 0, 0, "Query", "");
    }

    @Test
    void userAndHostAsTheServerWritesThem() {
        assertThat(row("shop[shop] @  [10.0.0.7]").user()).isEqualTo("shop");
        assertThat(row("shop[shop] @  [10.0.0.7]").host()).isEqualTo("10.0.0.7");
        assertThat(row("root[root] @ localhost []").host()).isEqualTo("localhost");
        assertThat(row("[ferry] @ app-1.internal [10.0.1.2]").host()).isEqualTo("app-1.internal");
        assertThat(row("").host()).isEmpty();
        assertThat(row("[ferry] @  [127.0.0.1]").user()).isEqualTo("ferry");
    }
}
