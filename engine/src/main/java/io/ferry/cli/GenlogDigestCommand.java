package io.ferry.cli;

import io.ferry.genlog.DigestAggregator;
import io.ferry.genlog.DigestCsv;
import io.ferry.genlog.DigestGroup;
import io.ferry.genlog.DigestKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code ferry genlog digest}: statements grouped by fingerprint, like pt-query-digest. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Groups the log's statements by fingerprint (literals, numbers, IN-lists and white space folded, as "
                + "pt-query-digest does), or by user, host or database: count, first/last seen, top users and hosts, an"
                + " example.")
final class GenlogDigestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @CommandLine.Mixin
    LogSourceOptions source;

    @Option(names = "--by", paramLabel = "KEY", defaultValue = "fingerprint",
            description = "Group by fingerprint, user, host or database (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Groups to print (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every group to FILE as CSV.")
    Path csv;

    @Override
    public Integer call() throws IOException, SQLException {
        PrintWriter out = spec.commandLine().getOut();
        DigestKey key;
        try {
            key = DigestKey.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--by: use fingerprint, user, host or database, not " + by);
        }
        // Grouping by database needs every Connect/Init DB row, so the filter is applied here, not in the server.
        boolean filterInServer = key != DigestKey.DATABASE;
        DigestAggregator digest = new DigestAggregator(key, source.filter());
        long start = System.nanoTime();
        source.read(target, digest, filterInServer);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<DigestGroup> groups = digest.groups();
        out.printf(Locale.ROOT, "%,d rows read, %,d matched, %,d groups by %s (%.1f s)%n", digest.rows(), digest.matched(),
                groups.size(), by, seconds);
        int rank = 0;
        for (DigestGroup g : groups) {
            if (++rank > top) {
                break;
            }
            out.printf(Locale.ROOT, "%n#%d  %,d rows  first %s  last %s%n", rank, g.count(), g.firstSeen(), g.lastSeen());
            out.println("    " + (g.key().length() > 500 ? g.key().substring(0, 500) + "..." : g.key()));
            out.println("    users: " + joined(g.topUsers()) + "   hosts: " + joined(g.topHosts()));
            if (key != DigestKey.FINGERPRINT || !g.key().startsWith("[")) {
                String example = g.example() == null ? "" : g.example().replace('\n', ' ');
                out.println("    example: " + (example.length() > 300 ? example.substring(0, 300) + "..." : example));
            }
        }
        if (csv != null) {
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                DigestCsv.writeDigest(groups, w);
            }
            out.println();
            out.println("CSV written to " + csv.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private static String joined(List<Map.Entry<String, Long>> top) {
        return top.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
