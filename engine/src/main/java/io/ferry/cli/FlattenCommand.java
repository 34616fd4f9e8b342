package io.ferry.cli;

import io.ferry.druid.flatten.FlattenSpec;
import io.ferry.druid.flatten.FlattenSpecReader;
import io.ferry.druid.flatten.FlattenStats;
import io.ferry.druid.flatten.FlattenTotals;
import io.ferry.druid.flatten.Flattener;
import io.ferry.druid.flatten.NdjsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/** {@code ferry flatten --spec S IN... OUT}: nested NDJSON events to Druid-ready flat rows. */
@Command(name = "flatten", mixinStandardHelpOptions = true,
        description = {"Flattens nested JSON events (one a line; files or folders, plain or .gz) into Druid-ready flat "
                + "rows as a flatten spec says (docs/druid.md, \"Flatten\"). OUT is gzipped when it ends in .gz.",
                "Ends with a summary line: rows_in=... rows_out=... rejected=... dropped=... bytes_in=..."})
final class FlattenCommand implements Callable<Integer> {
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The flatten spec (YAML, or JSON if it ends in .json).")
    Path specFile;

    @Option(names = "--totals", description = "Print the row count and column sums of every time chunk.")
    boolean printTotals;

    @Parameters(arity = "2..*", paramLabel = "IN... OUT", hideParamSyntax = true, description = "Input files or folders, then the output file.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FlattenSpec flattenSpec = FlattenSpecReader.read(specFile);
        Path output = paths.get(paths.size() - 1);
        List<Path> inputs = NdjsonFiles.expand(paths.subList(0, paths.size() - 1));
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input files (.json, .ndjson, .jsonl, plain or .gz) in " + paths.subList(0, paths.size() - 1));
        }
        if (inputs.stream().anyMatch(in -> in.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize()))) {
            throw new IllegalArgumentException("the output " + output + " is also an input");
        }
        long total = 0;
        for (Path in : inputs) {
            total += Files.size(in);
        }
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve(output.getFileName() + ".partial");
        long t0 = System.nanoTime();
        Progress progress = new Progress(out, total, t0);
        Flattener flattener;
        try (OutputStream sink = NdjsonFiles.openOutput(partial, NdjsonFiles.isGzip(output))) {
            flattener = new Flattener(flattenSpec, sink);
            for (Path in : inputs) {
                try (InputStream raw = progress.wrap(Files.newInputStream(in), flattener.stats());
                     InputStream decoded = NdjsonFiles.isGzip(in) ? new GZIPInputStream(raw, 1 << 16) : raw) {
                    flattener.flatten(decoded, in.getFileName().toString());
                }
            }
            flattener.close();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        double secs = (System.nanoTime() - t0) / 1e9;
        FlattenStats stats = flattener.stats();
        FlattenTotals totals = flattener.totals();
        out.printf(Locale.ROOT, "Flattened %d file(s) into %s in %.1f s (%.1f MB/s of uncompressed input); %d %s chunk(s)%n",
                inputs.size(), output, secs, stats.bytesIn() / 1048576.0 / Math.max(secs, 1e-9),
                totals.chunks().size(), totals.granularity());
        for (FlattenStats.Rejection r : stats.firstRejections()) {
            out.println("  rejected " + r);
        }
        if (stats.rowsRejected() > stats.firstRejections().size()) {
            out.printf(Locale.ROOT, "  ... and %,d more rejected%n", stats.rowsRejected() - stats.firstRejections().size());
        }
        if (printTotals) {
            totals.chunks().values().forEach(c -> out.println("  " + c.start() + " rows=" + c.rows()
                    + sums(c.longSums()) + sums(c.doubleSums())));
        }
        out.println(stats.summary());
        out.flush();
        return 0;
    }

    private static String sums(java.util.Map<String, ? extends Number> sums) {
        StringBuilder b = new StringBuilder();
        sums.forEach((k, v) -> b.append(' ').append("sum_").append(k).append('=').append(v));
        return b.toString();
    }

    /** Prints how far the run is every few seconds, by compressed bytes read. */
    private static final class Progress {
        private final PrintWriter out;
        private final long total;
        private final long t0;
        private long read;
        private long lastPrint;

        Progress(PrintWriter out, long total, long t0) {
            this.out = out;
            this.total = total;
            this.t0 = t0;
            this.lastPrint = t0;
        }

        InputStream wrap(InputStream in, FlattenStats stats) {
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        read += n;
                        long now = System.nanoTime();
                        if (now - lastPrint >= PROGRESS_NANOS) {
                            lastPrint = now;
                            out.printf(Locale.ROOT, "  %s of %s read (%.0f%%), %,d rows in, %,d out, %,d rejected, %.0f s%n",
                                    Bytes.human(read), Bytes.human(total), 100.0 * read / Math.max(total, 1), stats.rowsIn(),
                                    stats.rowsOut(), stats.rowsRejected(), (now - t0) / 1e9);
                            out.flush();
                        }
                    }
                    return n;
                }
            };
        }
    }
}
