package io.ferry.connection;

import io.ferry.config.ConnectionType;
import io.ferry.config.Secret;
import io.ferry.config.TlsMode;
import io.ferry.config.WarehouseConnectionConfig;

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

/** Checks PostgreSQL with pgjdbc and Redshift with the Redshift JDBC driver: logs in and reads the version. */
final class WarehouseProbe implements Probe<WarehouseConnectionConfig> {
    private final SecretLookup secrets;
    private final Duration timeout;
    private final Driver postgres = new org.postgresql.Driver();
    private final Driver redshift = new com.amazon.redshift.jdbc.Driver();

    WarehouseProbe(SecretLookup secrets, Duration timeout) {
        this.secrets = secrets;
        this.timeout = timeout;
    }

    @Override
    public String probe(WarehouseConnectionConfig c) throws CheckFailure {
        Optional<Secret> password = secrets.resolve("password", c.password());
        boolean isRedshift = c.type() == ConnectionType.REDSHIFT;
        String url = "jdbc:" + (isRedshift ? "redshift" : "postgresql") + "://"
                + NetworkFailures.hostPort(c.host(), c.port()) + "/" + URLEncoder.encode(c.database(), StandardCharsets.UTF_8);
        Properties props = new Properties();
        props.setProperty("user", c.user());
        password.ifPresent(p -> props.setProperty("password", p.reveal()));
        if (isRedshift) {
            redshiftTls(c.tls(), props);
        } else {
            props.setProperty("sslmode", c.tls().yamlName());
        }
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        props.setProperty("loginTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        props.setProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        props.setProperty("ApplicationName", "ferry");
        Driver driver = isRedshift ? redshift : postgres;
        try (Connection connection = driver.connect(url, props); Statement st = connection.createStatement()) {
            String version;
            try (ResultSet rs = st.executeQuery("select version()")) {
                rs.next();
                version = version(rs.getString(1));
            }
            if (version.startsWith("Redshift")) {
                return version;
            }
            String tls;
            try (ResultSet rs = st.executeQuery("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()")) {
                tls = rs.next() && rs.getBoolean(1) ? rs.getString(2) : "no TLS";
            }
            return version + ", " + tls + (isRedshift ? " (through the Redshift driver)" : "");
        } catch (SQLException e) {
            throw new CheckFailure(explain(e, c));
        }
    }

    /**
     * The Redshift driver knows only "no TLS" (ssl=false) and TLS with verify-ca/verify-full; it cannot fall back
     * to plain. Redshift always offers TLS, so prefer and require both mean TLS without certificate checks.
     */
    private static void redshiftTls(TlsMode tls, Properties props) {
        switch (tls) {
            case DISABLE -> props.setProperty("ssl", "false");
            case PREFER, REQUIRE -> {
                props.setProperty("ssl", "true");
                props.setProperty("sslfactory", "com.amazon.redshift.ssl.NonValidatingFactory");
            }
            case VERIFY_CA, VERIFY_FULL -> {
                props.setProperty("ssl", "true");
                props.setProperty("sslmode", tls.yamlName());
            }
        }
    }

    /** "PostgreSQL 17.6 on x86_64..." is "PostgreSQL 17.6"; a Redshift version() ends with "Redshift 1.0.n". */
    static String version(String raw) {
        int redshift = raw.indexOf("Redshift ");
        if (redshift >= 0) {
            return raw.substring(redshift).trim();
        }
        String[] words = raw.split(" ");
        return words.length >= 2 ? words[0] + " " + words[1].replaceAll(",$", "") : raw;
    }

    private String explain(SQLException e, WarehouseConnectionConfig c) {
        String where = NetworkFailures.hostPort(c.host(), c.port());
        String state = String.valueOf(e.getSQLState());
        String message = String.valueOf(e.getMessage());
        if (state.equals("28P01") || message.contains("password authentication failed")) {
            return "authentication failed for " + c.user() + "@" + where + " (wrong password)";
        }
        if (message.contains("no password was provided") || message.contains("password-based authentication")
                && c.password().isEmpty()) {
            return "authentication failed for " + c.user() + "@" + where
                    + ": the server asks for a password (add password: to the connection)";
        }
        if (state.equals("3D000")) {
            return "database '" + c.database() + "' does not exist on " + where;
        }
        if (message.contains("does not support SSL")) {
            return "TLS not offered by the server " + where + ", but the connection says tls: " + c.tls().yamlName();
        }
        if (message.contains("no pg_hba.conf entry") && (message.contains("no encryption") || message.contains("SSL off"))) {
            return "TLS required by the server " + where + " (pg_hba.conf has no entry for " + c.user()
                    + " without TLS): set tls: require, or ask for a pg_hba.conf entry for this host";
        }
        if (message.contains("Connection attempt timed out")) { // the driver's loginTimeout fired
            return "timed out after " + NetworkFailures.seconds(timeout) + " waiting for " + where + " to answer";
        }
        if (state.equals("28000")) {
            return "authentication failed for " + c.user() + "@" + where + ": " + message;
        }
        return NetworkFailures.explain(e, where, c.host(), timeout)
                .orElse("error (SQLState " + state + ") from " + where + ": " + message);
    }
}
