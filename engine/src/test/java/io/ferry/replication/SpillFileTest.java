package io.ferry.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpillFileTest {
    private static final TableId ITEMS = new TableId("shop", "items");
    private static final TableId PAIRS = new TableId("shop", "pairs");

    /** One value of every {@link ValueKind}'s Java class, with the edge cases a careless encoding would change. */
    private static Object[] everyKind() {
        return new Object[]{
                null,
                Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE,                       // INTEGER
                new BigInteger("18446744073709551615"),                      // UNSIGNED_BIGINT
                new BigDecimal("-12345678901234567890.123456789012345678901234567890"), new BigDecimal("1E+5"),
                new BigDecimal("0.00"),                                      // DECIMAL, scale kept
                Float.NaN, -0.0f, Float.MIN_VALUE, 3.25f,                    // FLOAT
                Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE, 0.1,       // DOUBLE
                "", "item 😀 Köln\t\n\\N", "x".repeat(100_000),              // TEXT, long text
                "{\"k\": [1, 2]}",                                           // JSON
                new byte[0], new byte[]{0, -1, 127, -128},                   // BYTES
                LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),        // DATE
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000),      // DATETIME(6)
                Instant.ofEpochSecond(1, 123_456_000), Instant.EPOCH,        // TIMESTAMP
                Duration.ofHours(-838).minusMinutes(59).minusSeconds(58).plusMillis(500), Duration.ZERO, // TIME
                "1010000001",                                                // BITS
                Boolean.TRUE, 42                                             // not source kinds, but CopyText's
        };
    }

    @Test
    void everyValueKindComesBackEqualInOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.spill");
        Object[] row = everyKind();
        Object[] other = {7L, "b"};
        try (SpillFile.Writer w = new SpillFile.Writer(file)) {
            w.write(ITEMS, Operation.INSERT, null, row);
            w.write(PAIRS, Operation.UPDATE, new Object[]{1L, "a"}, other);
            w.write(ITEMS, Operation.DELETE, row, null);
            assertThat(w.changes()).isEqualTo(3);
        }
        List<SpillFile.Change> read = readAll(file);

        assertThat(read).extracting(SpillFile.Change::table).containsExactly(ITEMS, PAIRS, ITEMS);
        assertThat(read).extracting(SpillFile.Change::operation).containsExactly(Operation.INSERT, Operation.UPDATE, Operation.DELETE);
        assertThat(read.get(0).before()).isNull();
        assertThat(read.get(0).after()).containsExactly(row);
        assertThat(read.get(1).before()).containsExactly(1L, "a");
        assertThat(read.get(1).after()).containsExactly(7L, "b");
        assertThat(read.get(2).before()).containsExactly(row);
        assertThat(read.get(2).after()).isNull();
        for (int i = 0; i < row.length; i++) { // same classes too: 1E+5 stays scale -5, -0.0 stays negative zero
            Object back = read.get(0).after()[i];
            if (row[i] != null) {
                assertThat(back).as("value %d", i).isInstanceOf(row[i].getClass());
            }
            if (row[i] instanceof BigDecimal d) {
                assertThat(((BigDecimal) back).scale()).isEqualTo(d.scale());
            }
            if (row[i] instanceof Double d) {
                assertThat(Double.doubleToRawLongBits((Double) back)).isEqualTo(Double.doubleToRawLongBits(d));
            }
        }
    }

    @Test
    void aTruncatedFileIsAnErrorNotAShorterTransaction(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.spill");
        try (SpillFile.Writer w = new SpillFile.Writer(file)) {
            for (long i = 0; i < 1000; i++) {
                w.write(ITEMS, Operation.INSERT, null, new Object[]{i, "row " + i});
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 20);
        }
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(IOException.class).hasMessageContaining("truncated after");
    }

    @Test
    void aFileWithoutItsEndIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.spill");
        try (SpillFile.Writer w = new SpillFile.Writer(file)) {
            w.write(ITEMS, Operation.INSERT, null, new Object[]{1L});
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 9); // the end record: 'E' and the count
        }
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(IOException.class).hasMessageContaining("truncated after 1 changes");
    }

    @Test
    void anAbortedFileIsGone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.spill");
        SpillFile.Writer w = new SpillFile.Writer(file);
        w.write(ITEMS, Operation.INSERT, null, new Object[]{1L});
        w.abort();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void anUnknownValueClassNamesTheTable(@TempDir Path dir) throws IOException {
        try (SpillFile.Writer w = new SpillFile.Writer(dir.resolve("t.spill"))) {
            assertThatThrownBy(() -> w.write(ITEMS, Operation.INSERT, null, new Object[]{new Object()}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop.items");
        }
    }

    private static List<SpillFile.Change> readAll(Path file) throws IOException {
        List<SpillFile.Change> out = new ArrayList<>();
        try (SpillFile.Reader r = new SpillFile.Reader(file)) {
            for (SpillFile.Change c = r.next(); c != null; c = r.next()) {
                out.add(c);
            }
        }
        return out;
    }
}
