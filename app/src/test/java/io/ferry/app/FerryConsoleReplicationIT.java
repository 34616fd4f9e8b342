package io.ferry.app;

import io.ferry.client.InProcessEngineClient;
import io.ferry.client.ReplicationTableStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Replication page on first launch, for real: the console starts the sandbox (MariaDB, PostgreSQL, S3), the
 * engine starts the sandbox's replication job (shop tables → PostgreSQL), and the page shows rows flowing and every
 * table streaming.
 */
class FerryConsoleReplicationIT {
    private static final Pattern ROWS_IN = Pattern.compile("in ([\\d,]+) rows/s");

    @Test
    void theSandboxJobShowsRowsFlowingAndTablesStreaming() throws Exception {
        Path sandboxRoot = Path.of("target", "console-replication-sandbox").toAbsolutePath();
        try (ConsoleDriver console = ConsoleDriver.launch(config -> new InProcessEngineClient(config, sandboxRoot))) {
            console.awaitTrue(Duration.ofMinutes(3), () -> console.sandboxMessages().stream()
                    .anyMatch(m -> m.startsWith("Replication job sandbox-shop started")));
            console.openSection("Replication");
            assertThat(console.shownPageId()).isEqualTo("page-replication");

            console.awaitTrue(Duration.ofMinutes(2), () -> {
                List<ReplicationTableStatus> rows = console.replicationTableRows();
                return rows.size() == 5 && rows.stream().allMatch(r -> r.state().equals("STREAMING"));
            });
            console.awaitTrue(Duration.ofSeconds(30), () -> rowsIn(console.text("#replication-figures")) > 0);

            assertThat(console.text("#replication-state")).isEqualTo("STREAMING");
            assertThat(console.replicationTableRows()).extracting(ReplicationTableStatus::table)
                    .contains("shop.orders", "shop.customers");
            assertThat(console.isShown("#replication-error")).isFalse();
        }
    }

    private static long rowsIn(String figures) {
        Matcher m = ROWS_IN.matcher(figures == null ? "" : figures);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }
}
