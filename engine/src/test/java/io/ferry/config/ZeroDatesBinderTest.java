package io.ferry.config;

import io.ferry.replication.ReplicationJobSpecs;
import io.ferry.replication.ZeroDates;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code zeroDates} key of a replication job, from ferry.yaml to the job's spec. */
class ZeroDatesBinderTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String CONNECTIONS = """
            connections:
              shop: { type: mysql, host: db, user: ferry }
              dw: { type: postgresql, host: pg, database: analytics, user: ferry }
            """;

    @Test
    void zeroDatesFailUnlessTheJobSaysNull() {
        FerryConfig config = ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  default: { type: replication, source: shop, target: dw, tables: { include: "shop.*" } }
                  nulls: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, zeroDates: null }
                  fails: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, zeroDates: fail }
                  quoted: { type: replication, source: shop, target: dw, tables: { include: "shop.*" }, zeroDates: "null" }
                """, FILE);

        assertThat(config.jobs(ReplicationJobConfig.class)).extracting(ReplicationJobConfig::zeroDates)
                .containsExactly(ZeroDates.FAIL, ZeroDates.NULL, ZeroDates.FAIL, ZeroDates.NULL);
        assertThat(ReplicationJobSpecs.build(config, config.jobs(ReplicationJobConfig.class).get(1)).zeroDates())
                .isEqualTo(ZeroDates.NULL);
    }

    @Test
    void anUnknownPolicyIsReportedWithItsLineAndKey() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(CONNECTIONS + """
                jobs:
                  bad:
                    type: replication
                    source: shop
                    target: dw
                    tables: { include: "shop.*" }
                    zeroDates: nul
                """, FILE));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "/etc/ferry/ferry.yaml:10:16: jobs.bad.zeroDates: expected one of fail, null; found 'nul'"
                        + " (did you mean 'null'?)");
    }
}
