package io.ferry.genlog;

import io.ferry.config.FerryConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveFilesTest {
    @TempDir
    Path dir;

    private static final LogRow OLD = new LogRow("2026-11-27 04:00:00.000001", "shop[shop] @  [10.0.0.1]", 7, 1, "Query",
            "SELECT 1");
    private static final LogRow NEW = new LogRow("2026-11-28 04:00:00.000001", "shop[shop] @  [10.0.0.1]", 8, 1, "Query",
            "SELECT 2");

    @Test
    void aFolderHoldsNdjsonAndCsvArchivesAndBothAreListedAndRead() throws IOException {
        write(dir.resolve("general_log_20261127_0400.ndjson.gz"), ArchiveFormat.NDJSON, OLD);
        write(dir.resolve("general_log_20261128_0400.csv.gz"), ArchiveFormat.CSV, NEW);
        Files.writeString(dir.resolve("notes.txt"), "not an archive");

        assertThat(ArchiveFiles.list(dir)).extracting(e -> e.file().getFileName().toString())
                .containsExactlyInAnyOrder("general_log_20261127_0400.ndjson.gz", "general_log_20261128_0400.csv.gz");
        List<LogRow> read = new ArrayList<>();
        Supplier<FerryConfig> noConfigNeeded = () -> {
            throw new AssertionError("local archives must not need ferry.yaml");
        };
        assertThat(ArchiveFiles.read(noConfigNeeded, List.of(dir.toString()), read::add)).isEqualTo(2);
        assertThat(read).containsExactly(OLD, NEW);
    }

    private static void write(Path file, ArchiveFormat format, LogRow row) throws IOException {
        try (ArchiveWriter w = new ArchiveWriter(file, format)) {
            w.write(row);
            w.commit();
        }
    }
}
