package io.ferry.replication;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file a large source transaction's row changes spill to, in order: a header, then records — a table defined
 * once ({@code T}, schema, name), a change ({@code C}, table number, operation, the row images with each value
 * tagged by its Java class), and an end ({@code E}, the change count). Only Ferry reads it back, in the same
 * process, so it is compact rather than portable; a truncated file is an error, never a shorter transaction.
 */
public final class SpillFile {
    private static final int MAGIC = 0x46535031; // "FSP1"

    private static final byte TABLE = 'T';
    private static final byte CHANGE = 'C';
    private static final byte END = 'E';

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte BIG_INTEGER = 2;
    private static final byte BIG_DECIMAL = 3;
    private static final byte FLOAT = 4;
    private static final byte DOUBLE = 5;
    private static final byte STRING = 6;
    private static final byte BYTES = 7;
    private static final byte DATE = 8;
    private static final byte DATETIME = 9;
    private static final byte INSTANT = 10;
    private static final byte DURATION = 11;
    private static final byte BOOLEAN = 12;
    private static final byte INTEGER = 13;

    private SpillFile() {
    }

    /** One change as stored: no position or commit time, which are the transaction's. */
    public record Change(TableId table, Operation operation, Object[] before, Object[] after) {
    }

    /** Writes a new spill file; {@link #close} ends it, {@link #abort} deletes it. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final Counting counting;
        private final DataOutputStream out;
        private final Map<TableId, Integer> tables = new HashMap<>();
        private long changes;
        private boolean closed;

        public Writer(Path file) throws IOException {
            this.file = file;
            this.counting = new Counting(Files.newOutputStream(file));
            this.out = new DataOutputStream(new BufferedOutputStream(counting, 64 * 1024));
            out.writeInt(MAGIC);
        }

        public void write(TableId table, Operation operation, Object[] before, Object[] after) throws IOException {
            Integer number = tables.get(table);
            if (number == null) {
                number = tables.size();
                tables.put(table, number);
                out.writeByte(TABLE);
                writeString(out, table.schema());
                writeString(out, table.table());
            }
            out.writeByte(CHANGE);
            out.writeInt(number);
            out.writeByte(operation.ordinal());
            writeRow(out, before, table);
            writeRow(out, after, table);
            changes++;
        }

        /** Bytes on disk so far (up to the write buffer behind). */
        public long bytesWritten() {
            return counting.count;
        }

        public long changes() {
            return changes;
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.writeByte(END);
                out.writeLong(changes);
                out.close();
            }
        }

        /** Closes and deletes the file (a transaction that will not be applied). */
        public void abort() throws IOException {
            try {
                closed = true;
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Reads a spill file's changes in order; {@link #next} returns null after the last. */
    public static final class Reader implements AutoCloseable {
        private final Path file;
        private final DataInputStream in;
        private final List<TableId> tables = new ArrayList<>();
        private long changes;
        private boolean ended;

        public Reader(Path file) throws IOException {
            this.file = file;
            InputStream raw = Files.newInputStream(file);
            this.in = new DataInputStream(new BufferedInputStream(raw, 64 * 1024));
            try {
                if (in.readInt() != MAGIC) {
                    throw new IOException("Not a Ferry spill file: " + file);
                }
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }

        public Change next() throws IOException {
            if (ended) {
                return null;
            }
            try {
                while (true) {
                    byte kind = in.readByte();
                    if (kind == TABLE) {
                        String schema = readString(in);
                        tables.add(new TableId(schema, readString(in)));
                    } else if (kind == CHANGE) {
                        TableId table = tables.get(in.readInt());
                        Operation op = Operation.values()[in.readByte()];
                        Object[] before = readRow(in);
                        Object[] after = readRow(in);
                        changes++;
                        return new Change(table, op, before, after);
                    } else if (kind == END) {
                        long written = in.readLong();
                        if (written != changes) {
                            throw new IOException("Spill file " + file + " ends after " + changes + " changes, but "
                                    + written + " were written");
                        }
                        ended = true;
                        return null;
                    } else {
                        throw new IOException("Spill file " + file + " is corrupt after " + changes + " changes (record "
                                + kind + ")");
                    }
                }
            } catch (EOFException e) {
                throw new IOException("Spill file " + file + " is truncated after " + changes + " changes", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void writeRow(DataOutputStream out, Object[] row, TableId table) throws IOException {
        if (row == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(row.length);
        for (Object v : row) {
            writeValue(out, v, table);
        }
    }

    private static Object[] readRow(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            row[i] = readValue(in);
        }
        return row;
    }

    static void writeValue(DataOutputStream out, Object v, TableId table) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (v instanceof BigDecimal d) {
            out.writeByte(BIG_DECIMAL);
            out.writeInt(d.scale());
            writeBytes(out, d.unscaledValue().toByteArray());
        } else if (v instanceof BigInteger i) {
            out.writeByte(BIG_INTEGER);
            writeBytes(out, i.toByteArray());
        } else if (v instanceof byte[] b) {
            out.writeByte(BYTES);
            writeBytes(out, b);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (v instanceof LocalDateTime t) {
            out.writeByte(DATETIME);
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
        } else if (v instanceof LocalDate d) {
            out.writeByte(DATE);
            out.writeLong(d.toEpochDay());
        } else if (v instanceof Instant i) {
            out.writeByte(INSTANT);
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        } else if (v instanceof Duration d) {
            out.writeByte(DURATION);
            out.writeLong(d.getSeconds());
            out.writeInt(d.getNano());
        } else if (v instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (v instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else {
            throw new IllegalArgumentException("A value of " + table + " cannot be spilled: " + v.getClass().getName());
        }
    }

    static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case STRING -> readString(in);
            case BIG_DECIMAL -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case BIG_INTEGER -> new BigInteger(readBytes(in));
            case BYTES -> readBytes(in);
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            case FLOAT -> Float.intBitsToFloat(in.readInt());
            case DATETIME -> {
                LocalDate date = LocalDate.ofEpochDay(in.readLong());
                yield LocalDateTime.of(date, LocalTime.ofNanoOfDay(in.readLong()));
            }
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case INSTANT -> {
                long seconds = in.readLong();
                yield Instant.ofEpochSecond(seconds, in.readInt());
            }
            case DURATION -> {
                long seconds = in.readLong();
                yield Duration.ofSeconds(seconds, in.readInt());
            }
            case BOOLEAN -> in.readBoolean();
            case INTEGER -> in.readInt();
            default -> throw new IOException("Unknown value tag " + tag + " in a spill file");
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("Negative length " + n + " in a spill file");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** Counts the bytes that reach the file. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
