package io.ferry.cli;

import io.ferry.genlog.DigestCsv;
import io.ferry.genlog.LogFilter;
import io.ferry.genlog.LogRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** {@code ferry genlog search}: rows of the live table or the archives, filtered. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Finds log rows by time range, user/host, command type and text, in the live table or in archives.")
final class GenlogSearchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GenlogTarget target;

    @CommandLine.Mixin
    LogSourceOptions source;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Rows to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every matching row to FILE as CSV (not limited).")
    Path csv;

    @Override
    public Integer call() throws IOException, SQLException {
        PrintWriter out = spec.commandLine().getOut();
        LogFilter filter = source.filter();
        long[] matched = {0};
        Writer csvOut = csv == null ? null : Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        try {
            if (csvOut != null) {
                DigestCsv.writeRowsHeader(csvOut);
            }
            Writer w = csvOut;
            source.read(target, row -> {
                if (!filter.matches(row)) {
                    return true;
                }
                matched[0]++;
                if (matched[0] <= limit) {
                    out.println(line(row));
                }
                if (w != null) {
                    try {
                        DigestCsv.writeRow(row, w);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return w != null || matched[0] <= limit; // one more than shown: tells whether more match
            }, true);
        } finally {
            if (csvOut != null) {
                csvOut.close();
            }
        }
        if (matched[0] <= limit) {
            out.println(matched[0] + " row(s) matched");
        } else if (csv == null) {
            out.println("first " + limit + " rows shown; more match (--limit N for more, --csv FILE for all)");
        } else {
            out.println(matched[0] + " rows matched; first " + limit + " shown");
        }
        if (csv != null) {
            out.println("CSV written to " + csv.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private static String line(LogRow r) {
        String text = r.argument().replace('\n', ' ');
        return r.eventTime() + "  " + r.userHost() + "  #" + r.threadId() + "  " + r.commandType() + "  "
                + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
}
