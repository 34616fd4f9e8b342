package io.ferry.sandbox;

import io.ferry.config.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SQL that mariadbd runs with full privileges at every start ({@code --init-file}): the application user
 * with the privileges a replication source needs, the {@code shop} schema, no anonymous users. The password
 * appears only as its {@code mysql_native_password} hash, so the file holds no plain-text secret. One
 * statement per line, as the init file requires.
 */
final class MariaDbInitScript {
    /** {@code ferry_readonly}: SELECT only, the application user's password. */
    static final String READ_ONLY_SUFFIX = "_readonly";

    private MariaDbInitScript() {
    }

    static String render(String user, Secret password, String database) {
        String account = "'" + user + "'@'%'";
        String limited = "'" + user + READ_ONLY_SUFFIX + "'@'%'";
        String hash = nativePasswordHash(password);
        return String.join("\n", List.of(
                // mariadb-install-db creates anonymous users; they match before 'ferry'@'%' and break password logins.
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY PASSWORD '" + hash + "';",
                "ALTER USER " + account + " IDENTIFIED BY PASSWORD '" + hash + "';",
                // BINLOG ADMIN: replication tests purge binlogs to check that a purged binlog is a clear error.
                // READ_ONLY ADMIN: the read-only full-load test sets read_only=ON and writes as an admin meanwhile.
                "GRANT SELECT, RELOAD, PROCESS, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR, BINLOG ADMIN, SUPER ON *.* TO " + account + ";",
                "GRANT READ_ONLY ADMIN ON *.* TO " + account + ";",
                "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4;",
                "GRANT ALL PRIVILEGES ON `" + database + "`.* TO " + account + ";",
                // Scratch schemas for tests and experiments: ferry_<anything>.
                "GRANT ALL PRIVILEGES ON `ferry\\_%`.* TO " + account + ";",
                // General/slow log rotation (io.ferry.genlog): the double RENAME of the log tables, and the RDS
                // procedure's tables for the test that stands in for RDS with a procedure of the same name.
                "GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`general_log` TO " + account + ";",
                "GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`slow_log` TO " + account + ";",
                "GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`general_log_backup` TO " + account + ";",
                "GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`slow_log_backup` TO " + account + ";",
                "GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`general_log2` TO " + account + ";",
                "GRANT ALTER, DROP, CREATE, INSERT ON `mysql`.`slow_log2` TO " + account + ";",
                "GRANT CREATE ROUTINE, ALTER ROUTINE, EXECUTE ON `mysql`.* TO " + account + ";",
                // A user that may only read (same password): tests of what Ferry says when a privilege is missing.
                "CREATE USER IF NOT EXISTS " + limited + " IDENTIFIED BY PASSWORD '" + hash + "';",
                "ALTER USER " + limited + " IDENTIFIED BY PASSWORD '" + hash + "';",
                "GRANT SELECT ON *.* TO " + limited + ";",
                "FLUSH PRIVILEGES;",
                ""));
    }

    /** MySQL/MariaDB {@code mysql_native_password} hash: '*' + HEX(SHA1(SHA1(password))). */
    static String nativePasswordHash(Secret password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] twice = MessageDigest.getInstance("SHA-1").digest(once);
            return "*" + HexFormat.of().withUpperCase().formatHex(twice);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
