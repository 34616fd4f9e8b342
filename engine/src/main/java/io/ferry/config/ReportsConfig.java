package io.ferry.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded reports file: the reports of the reporting API by name, and how {@code ferry serve} listens.
 *
 * @param bind  the address to bind (127.0.0.1 unless told otherwise)
 * @param token where the API token is kept, or empty: a new one is generated at each start into the data directory
 */
public record ReportsConfig(Path source, Map<String, ReportConfig> reports, String bind, int port, Optional<SecretRef> token) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;

    public ReportsConfig {
        reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
    }

    public Optional<ReportConfig> report(String name) {
        return Optional.ofNullable(reports.get(name));
    }
}
