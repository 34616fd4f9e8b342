package io.ferry.warehouse;

import io.ferry.replication.BinlogPosition;

import java.util.Objects;

/**
 * A job's progress as kept in the warehouse: the source position the warehouse reflects, the phase (loading the
 * snapshot, or streaming) and, while loading, where the snapshot is (see {@code SnapshotProgress}).
 */
public record Checkpoint(String job, BinlogPosition position, Phase phase, String snapshotProgress) {
    public enum Phase { SNAPSHOT, STREAMING }

    public Checkpoint {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(phase, "phase");
    }

    public Checkpoint at(BinlogPosition next) {
        return new Checkpoint(job, next, phase, snapshotProgress);
    }

    public Checkpoint withSnapshotProgress(String progress) {
        return new Checkpoint(job, position, phase, progress);
    }

    public Checkpoint streaming() {
        return new Checkpoint(job, position, Phase.STREAMING, null);
    }
}
