package io.ferry.druid.reindex;

import io.ferry.druid.IndexParallelSpec;
import io.ferry.druid.lambda.AdEventsDatasource;

import java.util.List;
import java.util.Map;

/**
 * The datasource schema a re-index writes: the same as the real-time path's, taken from {@link AdEventsDatasource}
 * (the one definition of {@code ad_events}), so the batch version has the real-time segments' columns.
 *
 * @param countMetric  the {@code count} metric ({@code SUM} of it counts events)
 * @param summedInputs per long-sum metric, the flat input column it sums
 */
public record ReindexSchema(List<String> dimensions, String countMetric, Map<String, String> summedInputs,
                            String queryGranularity, boolean rollup) {

    public static ReindexSchema adEvents() {
        return new ReindexSchema(AdEventsDatasource.DIMENSIONS, AdEventsDatasource.COUNT_METRIC,
                Map.of(AdEventsDatasource.REVENUE_METRIC, AdEventsDatasource.PRICE_COLUMN),
                AdEventsDatasource.QUERY_GRANULARITY, AdEventsDatasource.ROLLUP);
    }

    /**
     * An {@code index_parallel} task over flat rows (Ferry flattened them): no {@code flattenSpec}; or over the raw
     * nested files with Druid's {@code flattenSpec} ({@code druidFlattens}).
     */
    public IndexParallelSpec taskSpec(String dataSource, IndexParallelSpec.InputSource input, String timestampColumn,
                                      String timestampFormat, SegmentGranularity granularity, boolean druidFlattens) {
        IndexParallelSpec spec = druidFlattens ? AdEventsDatasource.indexParallel(dataSource, input)
                : IndexParallelSpec.of(dataSource, input).timestamp(timestampColumn, timestampFormat)
                .countMetric(countMetric).queryGranularity(queryGranularity).rollup(rollup);
        if (!druidFlattens) {
            dimensions.forEach(spec::dimension);
            summedInputs.forEach(spec::longSumMetric);
        }
        return spec.segmentGranularity(granularity.name());
    }
}
