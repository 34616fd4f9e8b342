package io.ferry.replication.bench;

import io.ferry.sandbox.ServerProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * CPU seconds (user + system) of the benchmark's processes, from {@code /proc/<pid>/stat}: this JVM (Ferry), mariadbd,
 * and PostgreSQL (the postmaster, every live child of it — backends, WAL writer, checkpointer — and, through the
 * postmaster's {@code cutime/cstime}, the children that exited). A snapshot is taken before and after a phase; the
 * difference is what the phase cost. Linux only; elsewhere the figures are empty.
 */
public final class ProcessCpu {
    /** USER_HZ, the unit of the /proc times: 100 on every Linux architecture Ferry runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private record Group(Supplier<ProcessHandle> process, boolean children) {
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    /**
     * @param name     a label; {@code process} is looked up at each snapshot (null: not running)
     * @param children count its descendants too (the postmaster's backends); not for this JVM, whose children are
     *                 the sandbox's servers, counted on their own
     */
    public ProcessCpu group(String name, Supplier<ProcessHandle> process, boolean children) {
        groups.put(name, new Group(process, children));
        return this;
    }

    /** This JVM, the mariadbd and the PostgreSQL (postmaster and every backend) of the sandbox in {@code root}. */
    public static ProcessCpu ofSandbox(Path root) {
        return new ProcessCpu()
                .group("ferry-jvm", ProcessHandle::current, false)
                .group("mariadbd", () -> server(root.resolve("mariadb").resolve("data"), "mariadbd"), false)
                .group("postgres", () -> server(root.resolve("postgres").resolve("data"), "postgres"), true);
    }

    private static ProcessHandle server(Path dataDir, String command) {
        return ServerProcesses.runningWith(dataDir).stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("/" + command)).orElse(false))
                .findFirst().orElse(null);
    }

    /** Seconds per group now. */
    public Map<String, Double> snapshot() {
        Map<String, Double> s = new LinkedHashMap<>();
        groups.forEach((name, g) -> {
            ProcessHandle p = g.process().get();
            s.put(name, p == null ? Double.NaN : g.children() ? tree(p) : own(p));
        });
        return s;
    }

    /** {@code after - before} per group, in seconds. */
    public static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((name, v) -> d.put(name, v - before.getOrDefault(name, Double.NaN)));
        return d;
    }

    /** {@code ferry-jvm 6.1, mariadbd 2.0, postgres 9.3} */
    public static String format(Map<String, Double> seconds) {
        StringJoiner j = new StringJoiner(", ");
        seconds.forEach((name, v) -> j.add(String.format(Locale.ROOT, "%s %.1f", name, v)));
        return j.toString();
    }

    private static double own(ProcessHandle p) {
        long[] t = times(p.pid());
        return (t[0] + t[1]) / TICKS_PER_SECOND;
    }

    /** The process's own time, its waited-for children's, and that of its live descendants. */
    private static double tree(ProcessHandle p) {
        long[] own = times(p.pid());
        double ticks = own[0] + own[1] + own[2] + own[3];
        for (ProcessHandle child : p.descendants().toList()) {
            long[] t = times(child.pid());
            ticks += t[0] + t[1];
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime of {@code pid}; zeros when it is gone or /proc does not exist. */
    static long[] times(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** Fields 14-17 of a /proc/pid/stat line; the command name (field 2) may hold spaces and parentheses. */
    static long[] parse(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): utime is field 14, so f[11]
        return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
    }
}
