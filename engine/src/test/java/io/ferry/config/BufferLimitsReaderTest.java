package io.ferry.config;

import io.ferry.replication.BufferLimits;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The memory and spill keys of a replication job in ferry.yaml. */
class BufferLimitsReaderTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String CONNECTIONS = """
            connections:
              shop: { type: mysql, host: db, user: ferry }
              dw: { type: postgresql, host: pg, database: analytics, user: ferry }
            jobs:
            """;

    @Test
    void theLimitsAreBoundWithTheirUnits() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                  j:
                    type: replication
                    source: shop
                    target: dw
                    tables: { include: "shop.*" }
                    bufferMemory: 128MB
                    spillThreshold: 512KB
                    spillDisk: 2GB
                    spillDirectory: spill
                """, FILE);

        BufferLimits limits = config.jobs(ReplicationJobConfig.class).get(0).limits();
        assertThat(limits).isEqualTo(new BufferLimits(128L << 20, 512L << 10, 2L << 30, Path.of("/etc/ferry/spill")));
    }

    @Test
    void aJobWithoutThemHasTheDefaults() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                  j: { type: replication, source: shop, target: dw, tables: { include: "shop.*" } }
                """, FILE);

        BufferLimits limits = config.jobs(ReplicationJobConfig.class).get(0).limits();
        assertThat(limits).isEqualTo(BufferLimits.DEFAULTS);
        assertThat(limits.spillDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "ferry-spill"));
    }

    @Test
    void aSmallBufferLowersTheDefaultThreshold() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                  j: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, bufferMemory: 4MB }
                """, FILE);

        assertThat(config.jobs(ReplicationJobConfig.class).get(0).limits().spillThresholdBytes()).isEqualTo(4L << 20);
    }

    @Test
    void wrongSizesAreReportedWithTheirLineAndKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                  bad:
                    type: replication
                    source: shop
                    target: dw
                    tables: { include: "shop.*" }
                    bufferMemory: lots
                    spillDisk: 0GB
                  big-threshold:
                    type: replication
                    source: shop
                    target: dw
                    tables: { include: "shop.*" }
                    bufferMemory: 1MB
                    spillThreshold: 2MB
                """, FILE));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "/etc/ferry/ferry.yaml:10:19: jobs.bad.bufferMemory: expected a size above zero such as 512KB, 64MB or"
                        + " 10GB; found 'lots'",
                "/etc/ferry/ferry.yaml:11:16: jobs.bad.spillDisk: expected a size above zero such as 512KB, 64MB or"
                        + " 10GB; found '0GB'",
                "/etc/ferry/ferry.yaml:18:21: jobs.big-threshold.spillThreshold: expected at most bufferMemory (1048576"
                        + " bytes): a transaction that stays in memory must fit in the buffer");
    }
}
