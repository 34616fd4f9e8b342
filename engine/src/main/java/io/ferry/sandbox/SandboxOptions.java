package io.ferry.sandbox;

import java.nio.file.Path;

/** Where a sandbox lives and which MariaDB binaries it runs. */
public record SandboxOptions(Path root, MariaDbServer.Binaries mariaDbBinaries) {
    public SandboxOptions {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code ~/.ferry/sandbox}, the CLI's default. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".ferry", "sandbox");
    }

    public static SandboxOptions in(Path root) {
        return new SandboxOptions(root, MariaDbServer.Binaries.BUNDLED);
    }
}
