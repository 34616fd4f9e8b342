package io.ferry.config;

import java.util.List;
import java.util.Optional;

/**
 * One named report of the reporting API: a Druid SQL query whose {@code ?} placeholders are filled, in order, by the
 * request parameters named in {@code params}, and optionally a join of its rows with a MySQL dimension table.
 *
 * @param druidConnection the druid connection of ferry.yaml to query (empty: the only one)
 */
public record ReportConfig(String name, Optional<String> druidConnection, String sql, List<String> params,
                           Optional<Join> join) {
    public ReportConfig {
        params = List.copyOf(params);
    }

    /**
     * Adds {@code columns} of the MySQL table {@code table} to each row whose Druid column {@code key} equals the
     * table's column {@code on} (a left join: rows without a match keep nulls).
     */
    public record Join(String connection, String table, String key, String on, List<String> columns) {
        public Join {
            columns = List.copyOf(columns);
        }
    }
}
