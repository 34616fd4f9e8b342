package io.ferry.genlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyCharacterSurvivesWritingAndReading() throws IOException {
        List<LogRow> rows = List.of(
                new LogRow("2026-11-28 04:00:00.000001", "shop[shop] @  [10.0.0.1]", 7, 1, "Query", "SELECT 'a\"b', 'c\\\\d'"),
                new LogRow("2026-11-28 04:00:00.000002", "ünï[ünï] @ host []", 8, 1, "Query", "SELECT 'żółw 🐢'\n\tFROM t\r\n"),
                new LogRow("2026-11-28 04:00:00.000003", "x", 9, 4294967295L, "Quit", ""),
                new LogRow("2026-11-28 04:00:00.000004", "y", Long.MAX_VALUE, 1, "Query", "ctrl \u0001 \u001f /slash/ "
                        + "x".repeat(300_000)));
        Path file = dir.resolve("a.ndjson.gz");
        try (ArchiveWriter w = new ArchiveWriter(file)) {
            for (LogRow r : rows) {
                w.write(r);
            }
            w.commit();
        }
        List<LogRow> read = new ArrayList<>();
        assertThat(ArchiveReader.read(file, read::add)).isEqualTo(4);
        assertThat(read).containsExactlyElementsOf(rows);
        assertThat(Files.exists(dir.resolve("a.ndjson.gz.partial"))).isFalse();
    }

    @Test
    void csvArchivesAreRfc4180WithAHeaderAndReadBackTheSame() throws IOException {
        List<LogRow> rows = List.of(
                new LogRow("2026-11-28 04:00:00.000001", "shop[shop] @  [10.0.0.1]", 7, 1, "Query", "SELECT 'a\"b', 'c,d'"),
                new LogRow("2026-11-28 04:00:00.000002", "ünï[ünï] @ host []", 8, 1, "Query", "SELECT 'żółw 🐢'\n\tFROM t\r\n"),
                new LogRow("2026-11-28 04:00:00.000003", "x", 9, 4294967295L, "Quit", ""),
                new LogRow("2026-11-28 04:00:00.000004", "y", Long.MAX_VALUE, 1, "Query", "x".repeat(300_000)));
        Path file = dir.resolve("a.csv.gz");
        try (ArchiveWriter w = new ArchiveWriter(file, ArchiveFormat.CSV)) {
            for (LogRow r : rows) {
                w.write(r);
            }
            w.commit();
        }
        String text;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).startsWith("\"event_time\",\"user_host\",\"thread_id\",\"server_id\",\"command_type\",\"argument\"\r\n"
                + "\"2026-11-28 04:00:00.000001\",\"shop[shop] @  [10.0.0.1]\",7,1,\"Query\",\"SELECT 'a\"\"b', 'c,d'\"\r\n");
        List<LogRow> read = new ArrayList<>();
        assertThat(ArchiveReader.read(file, read::add)).isEqualTo(4);
        assertThat(read).containsExactlyElementsOf(rows);
        assertThat(ArchiveReader.count(file)).isEqualTo(4);
    }

    @Test
    void csvSlowLogArchivesReadTheirTimeAndTextAndNullsStayEmpty() throws IOException {
        Path file = dir.resolve("slow.csv.gz");
        try (ArchiveWriter w = new ArchiveWriter(file, ArchiveFormat.CSV)) {
            w.startRow();
            w.field("start_time", "2026-11-28 04:00:00.000000");
            w.field("user_host", "shop[shop] @  [10.0.0.1]");
            w.field("db", (String) null);
            w.field("sql_text", "SELECT SLEEP(1.5)");
            w.field("thread_id", 12);
            w.endRow();
            w.commit();
        }
        List<LogRow> read = new ArrayList<>();
        ArchiveReader.read(file, read::add);
        assertThat(read).containsExactly(new LogRow("2026-11-28 04:00:00.000000", "shop[shop] @  [10.0.0.1]", 12, 0, "Query",
                "SELECT SLEEP(1.5)"));
    }

    @Test
    void aBrokenCsvArchiveIsNamedInTheError() throws IOException {
        Path file = dir.resolve("d.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("event_time,argument\r\n\"x\",\"y\"\r\n\"z\"\r\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> ArchiveReader.count(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("d.csv.gz line 3").hasMessageContaining("a record of 1 fields under a header of 2");
    }

    @Test
    void slowLogRowsReadWithTheirTimeAndText() throws IOException {
        Path file = dir.resolve("slow.ndjson.gz");
        try (ArchiveWriter w = new ArchiveWriter(file)) {
            w.startRow();
            w.field("start_time", "2026-11-28 04:00:00.000000");
            w.field("user_host", "shop[shop] @  [10.0.0.1]");
            w.field("query_time", "00:00:01.500000");
            w.field("rows_sent", 3);
            w.field("db", (String) null);
            w.field("sql_text", "SELECT SLEEP(1.5)");
            w.field("thread_id", 12);
            w.endRow();
            w.commit();
        }
        List<LogRow> read = new ArrayList<>();
        ArchiveReader.read(file, read::add);
        assertThat(read).containsExactly(new LogRow("2026-11-28 04:00:00.000000", "shop[shop] @  [10.0.0.1]", 12, 0, "Query",
                "SELECT SLEEP(1.5)"));
    }

    @Test
    void anUncommittedArchiveLeavesNoFile() throws IOException {
        Path file = dir.resolve("b.ndjson.gz");
        try (ArchiveWriter w = new ArchiveWriter(file)) {
            w.write(new LogRow("t", "u", 1, 1, "Query", "q"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAnArchiveIsNamedInTheError() throws IOException {
        Path file = dir.resolve("c.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"event_time\": \"x\"}\n[1, 2]\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> ArchiveReader.count(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("c.ndjson.gz line 2").hasMessageContaining("not a Ferry log archive");
    }
}
