package io.ferry.cli;

import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on stderr (exit code 1), instead of a stack
 * trace. Set FERRY_DEBUG=1 to see the stack trace too.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("ferry: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        if (System.getenv("FERRY_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return 1;
    }
}
