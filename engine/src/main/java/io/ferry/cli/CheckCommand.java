package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.ConfigProblem;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.LoadedConfig;
import io.ferry.connection.CheckResult;
import io.ferry.connection.ConnectionChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ferry check}: validates ferry.yaml (every problem with file:line:key), then tries every valid
 * connection in parallel, one line each. Exit code 0 when the file is valid and every connection works,
 * 1 when a connection failed, 2 when the file has problems.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates ferry.yaml and tries every connection in it.",
                "Exit code: 0 all ok, 1 a connection failed, 2 the file has problems."})
public final class CheckCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int CONNECTION_FAILED = 1;
    static final int INVALID_FILE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "ferry.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded = ConfigLoader.read(config);
        FerryConfig ferry = loaded.config();
        List<ConfigProblem> problems = loaded.problems();
        if (!problems.isEmpty()) {
            err.println(config + (problems.size() == 1 ? " has 1 problem:" : " has " + problems.size() + " problems:"));
            problems.forEach(p -> err.println("  " + p));
            err.flush();
        } else {
            out.println(config + ": valid, " + count(ferry.connections().size()) + " (data directory "
                    + ferry.dataDir() + ")");
        }
        List<ConnectionConfig> connections = List.copyOf(ferry.connections().values());
        if (!connections.isEmpty()) {
            if (!problems.isEmpty()) {
                out.println("Checking the " + count(connections.size()) + " without problems:");
            }
            List<CheckResult> results = ConnectionChecker.forConfig(ferry).checkAll(connections);
            print(out, results);
            long failed = results.stream().filter(r -> !r.ok()).count();
            out.println(failed == 0 ? "All " + count(results.size()) + " ok."
                    : failed + " of " + count(results.size()) + " failed.");
            out.flush();
            if (problems.isEmpty() && failed > 0) {
                return CONNECTION_FAILED;
            }
        }
        out.flush();
        return problems.isEmpty() ? OK : INVALID_FILE;
    }

    private static void print(PrintWriter out, List<CheckResult> results) {
        int name = results.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        int type = results.stream().mapToInt(r -> r.type().yamlName().length()).max().orElse(4);
        int target = results.stream().mapToInt(r -> r.target().length()).max().orElse(6);
        for (CheckResult r : results) {
            out.println(String.format("%-" + name + "s  %-" + type + "s  %-" + target + "s  %-6s  %s (%d ms)",
                    r.name(), r.type().yamlName(), r.target(), r.ok() ? "ok" : "FAILED", r.detail(),
                    r.latency().toMillis()));
        }
    }

    private static String count(int n) {
        return n == 1 ? "1 connection" : n + " connections";
    }
}
