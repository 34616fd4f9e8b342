package io.ferry.replication;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.*;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The binlog client's event deserializer as Ferry needs it: temporal values as epoch microseconds, strings as bytes,
 * and row deserializers that decode a negative TIME correctly. (The library drops TIME2's sign: -838:59:58.5 came
 * out as 185:04:21.277216. Found by ReplicationIT.)
 */
public final class BinlogEventDeserializers {
    private static final long TIMEF_OFS = 0x800000000000L;
    private static final long TIMEF_INT_OFS = 0x800000L;

    private BinlogEventDeserializers() {
    }

    public static EventDeserializer create() {
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        Map<EventType, EventDataDeserializer> deserializers = new EnumMap<>(EventType.class);
        // This constructor registers no defaults: the library's list, with Ferry's row deserializers below.
        deserializers.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        deserializers.put(EventType.ROTATE, new RotateEventDataDeserializer());
        deserializers.put(EventType.INTVAR, new IntVarEventDataDeserializer());
        deserializers.put(EventType.QUERY, new QueryEventDataDeserializer());
        deserializers.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        deserializers.put(EventType.XID, new XidEventDataDeserializer());
        deserializers.put(EventType.ROWS_QUERY, new RowsQueryEventDataDeserializer());
        deserializers.put(EventType.GTID, new GtidEventDataDeserializer());
        deserializers.put(EventType.PREVIOUS_GTIDS, new PreviousGtidSetDeserializer());
        deserializers.put(EventType.XA_PREPARE, new XAPrepareEventDataDeserializer());
        deserializers.put(EventType.ANNOTATE_ROWS, new AnnotateRowsEventDataDeserializer());
        deserializers.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        deserializers.put(EventType.BINLOG_CHECKPOINT, new BinlogCheckpointEventDataDeserializer());
        deserializers.put(EventType.MARIADB_GTID_LIST, new MariadbGtidListEventDataDeserializer());
        EventDeserializer deserializer = new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(),
                deserializers, tableMaps);
        deserializer.setEventDataDeserializer(EventType.WRITE_ROWS, new Write(tableMaps));
        deserializer.setEventDataDeserializer(EventType.EXT_WRITE_ROWS, new Write(tableMaps).setMayContainExtraInformation(true));
        deserializer.setEventDataDeserializer(EventType.UPDATE_ROWS, new Update(tableMaps));
        deserializer.setEventDataDeserializer(EventType.EXT_UPDATE_ROWS, new Update(tableMaps).setMayContainExtraInformation(true));
        deserializer.setEventDataDeserializer(EventType.DELETE_ROWS, new Delete(tableMaps));
        deserializer.setEventDataDeserializer(EventType.EXT_DELETE_ROWS, new Delete(tableMaps).setMayContainExtraInformation(true));
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        return deserializer;
    }

    /**
     * TIME2 (MySQL 5.6.4+, MariaDB with mysql56_temporal_format) as signed microseconds, as MySQL's
     * {@code my_time_packed_from_binary} reads it: a packed value (hour:10 minute:6 second:6) &lt;&lt; 24 | fraction.
     */
    static long time2Micros(int fsp, ByteArrayInputStream in) throws IOException {
        long packed;
        switch (fsp) {
            case 1, 2 -> {
                long intPart = unsigned(in.read(3)) - TIMEF_INT_OFS;
                long frac = unsigned(in.read(1));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                packed = (intPart << 24) + frac * 10_000;
            }
            case 3, 4 -> {
                long intPart = unsigned(in.read(3)) - TIMEF_INT_OFS;
                long frac = unsigned(in.read(2));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                packed = (intPart << 24) + frac * 100;
            }
            case 5, 6 -> packed = unsigned(in.read(6)) - TIMEF_OFS;
            default -> packed = (unsigned(in.read(3)) - TIMEF_INT_OFS) << 24;
        }
        boolean negative = packed < 0;
        long abs = Math.abs(packed);
        long hms = abs >> 24;
        long micros = (((hms >> 12) & 0x3FF) * 3600 + ((hms >> 6) & 0x3F) * 60 + (hms & 0x3F)) * 1_000_000L + (abs & 0xFFFFFF);
        return negative ? -micros : micros;
    }

    private static long unsigned(byte[] bigEndian) {
        long v = 0;
        for (byte b : bigEndian) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    private static final class Write extends WriteRowsEventDataDeserializer {
        Write(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2Micros(meta, in);
        }
    }

    private static final class Update extends UpdateRowsEventDataDeserializer {
        Update(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2Micros(meta, in);
        }
    }

    private static final class Delete extends DeleteRowsEventDataDeserializer {
        Delete(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2Micros(meta, in);
        }
    }
}
