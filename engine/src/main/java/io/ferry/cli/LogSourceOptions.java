package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretResolver;
import io.ferry.genlog.ArchiveFormat;
import io.ferry.genlog.S3Archives;
import software.amazon.awssdk.services.s3.S3Client;
import io.ferry.genlog.ArchiveReader;
import io.ferry.genlog.LiveLogReader;
import io.ferry.genlog.LogFilter;
import io.ferry.genlog.LogRowSink;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where {@code search} and {@code digest} read (archives or the live table) and which rows they keep. */
final class LogSourceOptions {
    @Option(names = "--archive", paramLabel = "FILE|DIR|s3://BUCKET/KEY", description = "Read these archives instead of the"
            + " live table: a file, a folder (every *.ndjson.gz and *.csv.gz in it), an S3 object or an S3 prefix (the"
            + " bucket must be that of an s3 connection of ferry.yaml).")
    List<String> archives = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME", description = "From this time, inclusive (UTC, e.g. 2026-11-28 or '2026-11-28 04:00').")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Up to this time, exclusive (UTC).")
    String to;

    @Option(names = "--user-host", paramLabel = "TEXT", description = "Only rows whose user_host contains TEXT (e.g. shop or 10.0.0.7).")
    String userHost;

    @Option(names = "--command", paramLabel = "TYPE", description = "Only this command_type (Query, Connect, Quit, Init DB, Execute...).")
    String command;

    @Option(names = "--text", paramLabel = "TEXT", description = "Only statements containing TEXT (case-insensitive).")
    String text;

    LogFilter filter() {
        return new LogFilter(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(userHost),
                Optional.ofNullable(command), Optional.ofNullable(text));
    }

    boolean fromArchives() {
        return !archives.isEmpty();
    }

    /** The archive files, folders expanded, in name order. */
    List<Path> archiveFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String a : archives) {
            if (a.startsWith("s3://")) {
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> ArchiveFormat.isArchiveName(f.getFileName().toString())).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("--archive " + p + ": no such file or folder");
            }
        }
        return files;
    }

    /** Reads every row of the chosen source into {@code sink} (which applies the filter itself for archives). */
    long read(GenlogTarget target, LogRowSink sink, boolean filterInServer) throws IOException, SQLException {
        if (fromArchives()) {
            boolean[] stopped = {false};
            LogRowSink until = r -> {
                boolean more = sink.accept(r);
                stopped[0] = !more;
                return more;
            };
            long n = 0;
            for (Path f : archiveFiles()) {
                n += ArchiveReader.read(f, until);
                if (stopped[0]) {
                    return n;
                }
            }
            for (String a : archives) {
                if (!a.startsWith("s3://") || stopped[0]) {
                    continue;
                }
                S3Archives.S3Uri at = S3Archives.S3Uri.parse(a);
                S3ConnectionConfig s3c = S3Archives.forBucket(target.ferryConfig(), at.bucket());
                try (S3Client s3 = S3Archives.client(s3c, SecretResolver.forConfig(target.ferryConfig()))) {
                    List<S3Archives.S3Uri> objects = S3Archives.list(s3, at);
                    if (objects.isEmpty()) {
                        throw new IllegalArgumentException("--archive " + a + ": no archive (*.ndjson.gz, *.csv.gz) there");
                    }
                    for (S3Archives.S3Uri o : objects) {
                        n += S3Archives.read(s3, o, until);
                        if (stopped[0]) {
                            return n;
                        }
                    }
                }
            }
            return n;
        }
        MySqlConnectionConfig c = target.one();
        try (Connection conn = target.server(c).open()) {
            return LiveLogReader.read(conn, target.kind(), target.kind().qualifiedTable(),
                    filterInServer ? filter() : LogFilter.ALL, sink);
        }
    }
}
