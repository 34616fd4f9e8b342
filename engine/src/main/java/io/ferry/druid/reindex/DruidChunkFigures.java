package io.ferry.druid.reindex;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.druid.BrokerClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.SqlResult;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks the broker what each segment chunk of an interval holds now: {@code SUM(count)} (events, not Druid rows: with
 * rollup {@code COUNT(*)} would count rolled-up rows) and the sum of each summed metric. Chunks without rows answer
 * zero; a datasource Druid does not know yet holds nothing.
 */
public final class DruidChunkFigures {
    private final BrokerClient broker;
    private final String dataSource;
    private final ReindexSchema schema;
    private final SegmentGranularity granularity;

    public DruidChunkFigures(BrokerClient broker, String dataSource, ReindexSchema schema, SegmentGranularity granularity) {
        this.broker = broker;
        this.dataSource = dataSource;
        this.schema = schema;
        this.granularity = granularity;
    }

    public Map<TimeInterval, ChunkFigures> query(TimeInterval interval) {
        StringBuilder sql = new StringBuilder("SELECT TIME_FLOOR(\"__time\", '").append(granularity.period())
                .append("') AS \"chunk\", SUM(").append(quote(schema.countMetric())).append(") AS \"events\"");
        int i = 0;
        for (String metric : schema.summedInputs().keySet()) {
            sql.append(", SUM(").append(quote(metric)).append(") AS \"m").append(i++).append('"');
        }
        sql.append(" FROM ").append(quote(dataSource))
                .append(" WHERE \"__time\" >= TIME_PARSE(?) AND \"__time\" < TIME_PARSE(?) GROUP BY 1");
        Map<TimeInterval, ChunkFigures> out = new LinkedHashMap<>();
        interval.split(granularity.length()).forEach(c -> out.put(c, ChunkFigures.NONE));
        SqlResult result;
        try {
            result = broker.sql(sql.toString(), interval.start().toString(), interval.end().toString());
        } catch (DruidException e) {
            if (isUnknownDatasource(e)) {
                return out;
            }
            throw e;
        }
        for (SqlResult.SqlRow row : result.rows()) {
            Instant start = time(row.get("chunk"));
            Map<String, Long> sums = new TreeMap<>();
            int m = 0;
            for (String metric : schema.summedInputs().keySet()) {
                sums.put(metric, row.getLong("m" + m++));
            }
            out.put(new TimeInterval(start, start.plus(granularity.length())), new ChunkFigures(row.getLong("events"), sums));
        }
        return out;
    }

    private boolean isUnknownDatasource(DruidException e) {
        String m = String.valueOf(e.druidMessage());
        return e.status() == 400 && m.contains("not found") && m.contains(dataSource);
    }

    private static Instant time(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        return OffsetDateTime.parse(value.asText()).toInstant();
    }

    /** A Druid SQL identifier in double quotes (inner quotes doubled). */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
