package io.ferry.connection;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.Secret;
import io.ferry.config.TlsMode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** Checks MySQL, MariaDB and RDS MySQL with MySQL Connector/J: logs in and reads version, binlog format, TLS. */
final class MySqlProbe implements Probe<MySqlConnectionConfig> {
    private static final int ACCESS_DENIED = 1045;
    private static final int UNKNOWN_DATABASE = 1049;
    private static final int MYSQL_INSECURE_TRANSPORT = 3159;

    private final SecretLookup secrets;
    private final Duration timeout;
    private final Driver driver = newDriver();

    MySqlProbe(SecretLookup secrets, Duration timeout) {
        this.secrets = secrets;
        this.timeout = timeout;
    }

    @Override
    public String probe(MySqlConnectionConfig c) throws CheckFailure {
        Optional<Secret> password = secrets.resolve("password", c.password());
        String url = "jdbc:mysql://" + NetworkFailures.hostPort(c.host(), c.port()) + "/"
                + c.database().map(d -> URLEncoder.encode(d, StandardCharsets.UTF_8)).orElse("");
        Properties props = new Properties();
        props.setProperty("user", c.user());
        password.ifPresent(p -> props.setProperty("password", p.reveal()));
        props.setProperty("sslMode", sslMode(c.tls()));
        // caching_sha2_password over a plain connection needs the server's RSA key
        props.setProperty("allowPublicKeyRetrieval", String.valueOf(!c.tls().requiresTls()));
        props.setProperty("connectTimeout", String.valueOf(timeout.toMillis()));
        props.setProperty("socketTimeout", String.valueOf(timeout.toMillis()));
        props.setProperty("connectionAttributes", "program_name:ferry");
        try (Connection connection = driver.connect(url, props); Statement st = connection.createStatement()) {
            String version;
            String binlog;
            try (ResultSet rs = st.executeQuery("select version(), @@global.log_bin, @@global.binlog_format")) {
                rs.next();
                version = version(rs.getString(1));
                binlog = rs.getBoolean(2) ? "binlog " + rs.getString(3) : "binlog off";
            }
            String tls;
            try (ResultSet rs = st.executeQuery("show session status like 'Ssl_version'")) {
                tls = rs.next() && !rs.getString(2).isEmpty() ? rs.getString(2) : "no TLS";
            }
            return version + ", " + binlog + ", " + tls;
        } catch (SQLException e) {
            throw new CheckFailure(explain(e, c));
        }
    }

    private static Driver newDriver() {
        try {
            return new com.mysql.cj.jdbc.NonRegisteringDriver();
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL Connector/J cannot be loaded", e);
        }
    }

    /** "11.4.5-MariaDB-log" is "MariaDB 11.4.5"; "8.0.36" is "MySQL 8.0.36". */
    static String version(String raw) {
        int dash = raw.indexOf('-');
        String number = dash < 0 ? raw : raw.substring(0, dash);
        return (raw.contains("MariaDB") ? "MariaDB " : "MySQL ") + number;
    }

    private String explain(SQLException e, MySqlConnectionConfig c) {
        String where = NetworkFailures.hostPort(c.host(), c.port());
        String message = String.valueOf(e.getMessage());
        if (e.getErrorCode() == ACCESS_DENIED) {
            return "authentication failed for " + c.user() + "@" + where + (message.contains("using password: NO")
                    ? " (no password was sent: add password: to the connection)"
                    : " (wrong password, or the user may not log in from this host)");
        }
        if (e.getErrorCode() == UNKNOWN_DATABASE) {
            return "database '" + c.database().orElse("") + "' does not exist on " + where;
        }
        if (e.getErrorCode() == MYSQL_INSECURE_TRANSPORT || message.contains("require_secure_transport")
                || message.contains("insecure transport")) {
            return "TLS required by the server " + where + " (require_secure_transport): set tls: require";
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (c.tls().requiresTls() && (lower.contains("not support ssl") || lower.contains("ssl connection required"))) {
            return "TLS not offered by the server " + where + ", but the connection says tls: " + c.tls().yamlName();
        }
        return NetworkFailures.explain(e, where, c.host(), timeout)
                .orElse("MySQL error " + e.getErrorCode() + " (SQLState " + e.getSQLState() + ") from " + where + ": "
                        + message);
    }

    private static String sslMode(TlsMode tls) {
        return switch (tls) {
            case DISABLE -> "DISABLED";
            case PREFER -> "PREFERRED";
            case REQUIRE -> "REQUIRED";
            case VERIFY_CA -> "VERIFY_CA";
            case VERIFY_FULL -> "VERIFY_IDENTITY";
        };
    }
}
