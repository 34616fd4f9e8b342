package io.ferry.sandbox;

/** What a workload has done so far: rows written directly (cascades not counted), transactions, failures. */
public record WorkloadCounts(long inserts, long updates, long deletes, long transactions, long errors) {
    public long rows() {
        return inserts + updates + deletes;
    }
}
