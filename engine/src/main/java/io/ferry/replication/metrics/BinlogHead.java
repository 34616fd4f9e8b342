package io.ferry.replication.metrics;

import io.ferry.replication.BinlogPosition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source's binlog head ({@code SHOW MASTER STATUS}, or {@code SHOW BINARY LOG STATUS} on MySQL 8.4) and the
 * size of every binlog file it keeps ({@code SHOW BINARY LOGS}), oldest first.
 */
public record BinlogHead(BinlogPosition position, Map<String, Long> fileSizes) {
    public BinlogHead {
        fileSizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileSizes));
    }
}
