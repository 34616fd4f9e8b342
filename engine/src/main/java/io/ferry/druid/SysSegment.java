package io.ferry.druid;

/**
 * A row of the broker's {@code sys.segments}: a segment as the whole cluster sees it. {@code published} = in the
 * metadata store as used; {@code available} = served by some server; {@code realtime} = served only by a
 * real-time task (not "came from Kafka"); {@code overshadowed} = a newer version covers its interval;
 * {@code active} = published and not overshadowed. {@code numRows} lags behind while the broker refreshes metadata.
 */
public record SysSegment(String segmentId, String dataSource, String start, String end, String version, int partition,
                         long size, long numRows, long numReplicas, boolean published, boolean available,
                         boolean realtime, boolean overshadowed, boolean active) {

    static final String COLUMNS = "segment_id, datasource, \"start\", \"end\", version, partition_num, size, num_rows, "
            + "num_replicas, is_published, is_available, is_realtime, is_overshadowed, is_active";

    static SysSegment from(SqlResult.SqlRow row) {
        return new SysSegment(row.getString("segment_id"), row.getString("datasource"), row.getString("start"),
                row.getString("end"), row.getString("version"), (int) row.getLong("partition_num"), row.getLong("size"),
                row.getLong("num_rows"), row.getLong("num_replicas"), row.getBoolean("is_published"),
                row.getBoolean("is_available"), row.getBoolean("is_realtime"), row.getBoolean("is_overshadowed"),
                row.getBoolean("is_active"));
    }
}
