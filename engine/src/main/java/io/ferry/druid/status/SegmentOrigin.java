package io.ferry.druid.status;

/**
 * Where a segment version came from. {@link #BATCH}: a version one of Ferry's re-index tasks produced (known from
 * the re-index run records); {@link #REALTIME}: appended by a Kafka ingestion task; {@link #UNKNOWN}: neither can be
 * told (e.g. a batch task Ferry did not record, or a Kafka task the overlord has forgotten).
 */
public enum SegmentOrigin {
    BATCH("batch"), REALTIME("real-time"), UNKNOWN("unknown");

    private final String label;

    SegmentOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
