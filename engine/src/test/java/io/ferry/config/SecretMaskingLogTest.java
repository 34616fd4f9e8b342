package io.ferry.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs through the engine's real logback.xml (on the test class path) and reads what reaches stderr. */
class SecretMaskingLogTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.ferry.test.masking");

    @AfterEach
    void forgetSecrets() {
        SecretRegistry.clear();
    }

    @Test
    void aResolvedSecretIsMaskedInTheMessageAndInTheStackTrace() {
        SecretRegistry.register(Secret.of("p@ssw0rd-xyz"));
        SecretRegistry.register(Secret.of("p@ssw0rd"));

        String logged = stderrOf(() -> LOG.warn("connecting with password={} to {}", "p@ssw0rd-xyz", "db:3306",
                new SQLException("Access denied for p@ssw0rd")));

        assertThat(logged).contains("connecting with password=****** to db:3306")
                .contains("java.sql.SQLException: Access denied for ******")
                .doesNotContain("p@ssw0rd");
    }

    @Test
    void aVeryShortValueIsNotMaskedEverywhere() {
        SecretRegistry.register(Secret.of("ab"));

        assertThat(stderrOf(() -> LOG.warn("table ab has 3 rows"))).contains("table ab has 3 rows");
    }

    private static String stderrOf(Runnable logging) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
