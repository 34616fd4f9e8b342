package io.ferry.cli;

import picocli.CommandLine.Command;

/** Placeholder: filled in by the configuration work. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates ferry.yaml and tries every connection in it.")
public final class CheckCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("not yet built");
    }
}
