package io.ferry.cli;

import picocli.CommandLine.Command;

/** Placeholder: filled in by the sandbox work. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Starts a local MariaDB (binlog on), PostgreSQL 17 and S3 store with a synthetic workload; Ctrl-C stops them.")
public final class SandboxCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet built");
    }
}
