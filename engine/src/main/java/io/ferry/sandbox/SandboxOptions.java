package io.ferry.sandbox;

import java.nio.file.Path;

/**
 * Where a sandbox lives, which MariaDB binaries it runs, whether it puts pgbouncer in front of its PostgreSQL (a
 * Redshift-like endpoint for the Redshift JDBC driver; needs the Debian package pgbouncer), and whether its
 * PostgreSQL keeps default durability (fsync, synchronous commit: the benchmarks) or runs without (faster tests).
 */
public record SandboxOptions(Path root, MariaDbServer.Binaries mariaDbBinaries, boolean pgBouncer, boolean durablePostgres) {
    public SandboxOptions {
        root = root.toAbsolutePath().normalize();
    }

    public SandboxOptions(Path root, MariaDbServer.Binaries mariaDbBinaries, boolean pgBouncer) {
        this(root, mariaDbBinaries, pgBouncer, false);
    }

    public SandboxOptions(Path root, MariaDbServer.Binaries mariaDbBinaries) {
        this(root, mariaDbBinaries, false);
    }

    /** {@code ~/.ferry/sandbox}, the CLI's default. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".ferry", "sandbox");
    }

    public static SandboxOptions in(Path root) {
        return new SandboxOptions(root, MariaDbServer.Binaries.BUNDLED);
    }

    public SandboxOptions withPgBouncer() {
        return new SandboxOptions(root, mariaDbBinaries, true, durablePostgres);
    }

    /** PostgreSQL with its default durability (fsync and synchronous_commit on). */
    public SandboxOptions withDurablePostgres() {
        return new SandboxOptions(root, mariaDbBinaries, pgBouncer, true);
    }
}
