package io.ferry.replication;

import io.ferry.replication.bench.ProcessCpu;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.Sandbox;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.warehouse.WarehouseEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the replication benchmark with tiny numbers against the tests' sandbox (its PostgreSQL runs without
 * fsync, unlike {@code ferry bench replication}'s): every phase runs, and the key=value line parses.
 */
@ExtendWith(SandboxExtension.class)
class ReplicationBenchmarkIT {
    private final Sandbox sandbox;

    ReplicationBenchmarkIT(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void everyPhaseReportsItsFiguresOnTheLastLine() throws Exception {
        DatabaseEndpoint m = sandbox.endpoints().mariadb();
        DatabaseEndpoint p = sandbox.endpoints().postgres();
        List<String> lines = new ArrayList<>();
        ReplicationBenchmark bench = new ReplicationBenchmark(new MySqlSource(m.host(), m.port(), m.user(), m.password()),
                new WarehouseEndpoint(p.jdbcUrl(), p.user(), p.password()), lines::add).cpuOf(ProcessCpu.ofSandbox(sandbox.root()));
        ReplicationBenchmark.Options options = new ReplicationBenchmark.Options(EnumSet.allOf(ReplicationBenchmark.Phase.class),
                3000, 3000, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 5000, 50_000, Duration.ofMillis(500), 50_000, 2);

        ReplicationBenchmark.Result result = bench.run(options);

        Map<String, String> kv = new HashMap<>();
        for (String pair : result.keyValues().split(" ")) {
            String[] f = pair.split("=", 2);
            assertThat(f).as(pair).hasSize(2);
            assertThat(kv.put(f[0], f[1])).as("duplicate key %s", f[0]).isNull();
        }
        assertThat(result.keyValues()).startsWith("catchup_rows_per_s=");
        for (String key : List.of("catchup_rows_per_s", "steady_rows_per_s", "p50_ms", "p99_ms", "full_load_rows_per_s")) {
            assertThat(Double.parseDouble(kv.get(key))).as(key).isPositive();
        }
        assertThat(Double.parseDouble(kv.get("p50_ms"))).isLessThanOrEqualTo(Double.parseDouble(kv.get("p99_ms")));
        assertThat(Long.parseLong(kv.get("latency_samples"))).isPositive();
        for (String phase : List.of("fullload", "catchup", "steady", "latency")) {
            for (String process : List.of("ferry_jvm", "mariadbd", "postgres")) {
                assertThat(Double.parseDouble(kv.get(phase + "_cpu_" + process + "_s"))).as(phase + " " + process).isNotNaN();
            }
        }
        assertThat(Double.parseDouble(kv.get("catchup_cpu_ferry_jvm_s"))).isPositive();
        assertThat(kv.get("equal")).isEqualTo("true");
        assertThat(lines).anyMatch(l -> l.startsWith("Latency: ") && l.contains("p99"));
    }

    @Test
    void onePhaseOnlyLeavesTheOthersOut() throws Exception {
        DatabaseEndpoint m = sandbox.endpoints().mariadb();
        DatabaseEndpoint p = sandbox.endpoints().postgres();
        ReplicationBenchmark bench = new ReplicationBenchmark(new MySqlSource(m.host(), m.port(), m.user(), m.password()),
                new WarehouseEndpoint(p.jdbcUrl(), p.user(), p.password()), line -> { });
        ReplicationBenchmark.Result result = bench.run(new ReplicationBenchmark.Options(ReplicationBenchmark.Phase.parse("catchup"),
                2000, 3000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 5000, 50_000, Duration.ofMillis(500), 50_000, 2));
        assertThat(result.keyValues()).startsWith("catchup_rows_per_s=").contains("steady_rows_per_s=n/a p50_ms=n/a p99_ms=n/a "
                + "full_load_rows_per_s=n/a").contains("equal=true").doesNotContain("steady_cpu");
    }
}
