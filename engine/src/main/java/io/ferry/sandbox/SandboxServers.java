package io.ferry.sandbox;

import java.nio.file.Path;

/** How the sandbox starts each of its three servers under its root; tests may swap one for a failing stand-in. */
record SandboxServers(Start<MariaDbServer> mariadb, Start<PostgresServer> postgres, Start<S3Server> s3) {

    @FunctionalInterface
    interface Start<T extends AutoCloseable> {
        T start(Path root) throws Exception;
    }

    static SandboxServers real(SandboxOptions options) {
        return new SandboxServers(
                root -> MariaDbServer.start(root.resolve("mariadb"), options.mariaDbBinaries(),
                        secrets(root).resolve("sandbox-mariadb.password")),
                root -> PostgresServer.start(root.resolve("postgres"), secrets(root).resolve("sandbox-postgres.password"),
                        options.durablePostgres()),
                root -> S3Server.start(root.resolve("s3"), secrets(root).resolve("sandbox-s3.access-key"),
                        secrets(root).resolve("sandbox-s3.secret-key")));
    }

    static Path secrets(Path root) {
        return root.resolve("secrets");
    }
}
