package io.ferry.druid;

/** One replica of a segment on one data server: which server and tier serve which interval and version. */
public record SegmentPlacement(String segmentId, String start, String end, String version, String server,
                               String serverType, String tier) {

    static final String QUERY = "SELECT seg.segment_id, seg.\"start\", seg.\"end\", seg.version, srv.server, srv.server_type, srv.tier"
            + " FROM sys.segments seg"
            + " INNER JOIN sys.server_segments ss ON seg.segment_id = ss.segment_id"
            + " INNER JOIN sys.servers srv ON srv.server = ss.server"
            + " WHERE seg.datasource = ? ORDER BY seg.\"start\", seg.version, srv.server";

    static SegmentPlacement from(SqlResult.SqlRow row) {
        return new SegmentPlacement(row.getString("segment_id"), row.getString("start"), row.getString("end"),
                row.getString("version"), row.getString("server"), row.getString("server_type"), row.getString("tier"));
    }
}
