package io.ferry.cli;

import io.ferry.config.MySqlConnectionConfig;
import io.ferry.genlog.ArchiveFiles;
import io.ferry.genlog.LiveLogReader;
import io.ferry.genlog.LogFilter;
import io.ferry.genlog.LogRowSink;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where {@code search} and {@code digest} read (archives or the live table) and which rows they keep. */
final class LogSourceOptions {
    @Option(names = "--archive", paramLabel = "FILE|DIR", description = "Read these archives (a folder: every *.ndjson.gz in it)"
            + " instead of the live table.")
    List<Path> archives = new ArrayList<>();

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

    /** Reads every row of the chosen source into {@code sink} (which applies the filter itself for archives). */
    long read(GenlogTarget target, LogRowSink sink, boolean filterInServer) throws IOException, SQLException {
        if (fromArchives()) {
            return ArchiveFiles.read(ArchiveFiles.expand(archives), sink);
        }
        MySqlConnectionConfig c = target.one();
        try (Connection conn = target.server(c).open()) {
            return LiveLogReader.read(conn, target.kind(), target.kind().qualifiedTable(),
                    filterInServer ? filter() : LogFilter.ALL, sink);
        }
    }
}
