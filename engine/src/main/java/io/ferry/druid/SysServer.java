package io.ferry.druid;

/** A row of the broker's {@code sys.servers}: every Druid process, its type and, for data servers, its tier. */
public record SysServer(String server, String host, long plaintextPort, String serverType, String tier,
                        long currSize, long maxSize) {

    static final String COLUMNS = "server, host, plaintext_port, server_type, tier, curr_size, max_size";

    static SysServer from(SqlResult.SqlRow row) {
        return new SysServer(row.getString("server"), row.getString("host"), row.getLong("plaintext_port"),
                row.getString("server_type"), row.getString("tier"), row.getLong("curr_size"), row.getLong("max_size"));
    }
}
