package io.ferry.client.druid;

/**
 * A configured {@code druid-reindex} job, as the console shows it.
 *
 * @param every how often the schedule runs it, e.g. "4h"
 * @param input where its raw hourly files are, e.g. "s3://events/raw/" or a local folder
 */
public record DruidReindexJobRow(String name, String datasource, String every, String input) {
}
