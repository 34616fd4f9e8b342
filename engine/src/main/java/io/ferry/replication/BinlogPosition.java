package io.ferry.replication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where in the source's binlog a change ends: the binlog file and the byte offset of the next event, and the GTIDs
 * executed at that point: on MariaDB the GTID position (the last GTID per replication domain), on MySQL the GTID set.
 * Immutable; serialised as {@code file:offset}, {@code file:offset gtid=0-1-42,1-2-7} (MariaDB) or
 * {@code file:offset gtidset=uuid:1-5,uuid2:1-3} (MySQL) for the checkpoint table.
 */
public record BinlogPosition(String file, long offset, List<MariaDbGtid> gtids, MySqlGtidSet gtidSet)
        implements Comparable<BinlogPosition> {
    private static final String GTID_MARK = " gtid=";
    private static final String GTID_SET_MARK = " gtidset=";

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (file.isBlank() || file.contains(":") || file.contains(" ")) {
            throw new IllegalArgumentException("Not a binlog file name: '" + file + "'");
        }
        if (offset < 4) {
            throw new IllegalArgumentException("A binlog offset starts at 4 (after the magic bytes), got " + offset);
        }
        gtids = List.copyOf(gtids);
        Objects.requireNonNull(gtidSet, "gtidSet");
    }

    /** A position without a MySQL GTID set (MariaDB, or MySQL without GTIDs). */
    public BinlogPosition(String file, long offset, List<MariaDbGtid> gtids) {
        this(file, offset, gtids, MySqlGtidSet.EMPTY);
    }

    public static BinlogPosition of(String file, long offset) {
        return new BinlogPosition(file, offset, List.of());
    }

    /** Parses what {@link #serialize()} wrote. */
    public static BinlogPosition parse(String text) {
        String rest = text.trim();
        List<MariaDbGtid> gtids = new ArrayList<>();
        MySqlGtidSet gtidSet = MySqlGtidSet.EMPTY;
        int setMark = rest.indexOf(GTID_SET_MARK);
        if (setMark >= 0) {
            gtidSet = MySqlGtidSet.parse(rest.substring(setMark + GTID_SET_MARK.length()));
            rest = rest.substring(0, setMark);
        }
        int mark = rest.indexOf(GTID_MARK);
        if (mark >= 0) {
            gtids = parseGtidList(rest.substring(mark + GTID_MARK.length()));
            rest = rest.substring(0, mark);
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A binlog position is file:offset (e.g. mysql-bin.000003:1234), got '" + text + "'");
        }
        try {
            return new BinlogPosition(rest.substring(0, colon), Long.parseLong(rest.substring(colon + 1)), gtids, gtidSet);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The offset of binlog position '" + text + "' is not a number", e);
        }
    }

    /** Parses a MariaDB GTID list such as {@code @@gtid_binlog_pos}: {@code 0-1-42,1-2-7} (empty for none). */
    public static List<MariaDbGtid> parseGtidList(String text) {
        List<MariaDbGtid> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(MariaDbGtid.parse(part));
            }
        }
        return list;
    }

    /** This position moved to a new offset in the same file. */
    public BinlogPosition at(String newFile, long newOffset) {
        return new BinlogPosition(newFile, newOffset, gtids, gtidSet);
    }

    /** This position with MySQL transaction {@code number} of {@code uuid} (or {@code uuid:tag}) in its GTID set. */
    public BinlogPosition withMySqlGtid(String uuid, long number) {
        return new BinlogPosition(file, offset, gtids, gtidSet.with(uuid, number));
    }

    /** This position with {@code gtid} as the last GTID of its domain. */
    public BinlogPosition withGtid(MariaDbGtid gtid) {
        List<MariaDbGtid> next = new ArrayList<>();
        for (MariaDbGtid g : gtids) {
            if (g.domain() != gtid.domain()) {
                next.add(g);
            }
        }
        next.add(gtid);
        next.sort(Comparator.comparingLong(MariaDbGtid::domain));
        return new BinlogPosition(file, offset, next, gtidSet);
    }

    public String gtidList() {
        return String.join(",", gtids.stream().map(MariaDbGtid::toString).toList());
    }

    public String serialize() {
        return file + ":" + offset + (gtids.isEmpty() ? "" : GTID_MARK + gtidList())
                + (gtidSet.isEmpty() ? "" : GTID_SET_MARK + gtidSet);
    }

    /** Orders by file then offset; binlog files of one server share a prefix and a fixed-width number. */
    @Override
    public int compareTo(BinlogPosition other) {
        int c = file.compareTo(other.file);
        return c != 0 ? c : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return serialize();
    }
}
