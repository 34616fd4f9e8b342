package io.ferry.druid.reindex;

/**
 * One segment chunk of a run: the real-time figures before the overwrite (null if never measured), the flattened
 * input's, and Druid's after the overwrite (null until verified).
 */
public record ChunkRecord(TimeInterval chunk, ChunkFigures realtime, ChunkFigures input, ChunkFigures druid) {

    /** Batch minus real-time events: how many events the real-time path lost (positive) or doubled (negative). */
    public Long eventDifference() {
        return realtime == null || input == null ? null : input.events() - realtime.events();
    }
}
