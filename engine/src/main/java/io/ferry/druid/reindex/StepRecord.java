package io.ferry.druid.reindex;

import java.time.Duration;
import java.time.Instant;

/** One step of a run as recorded: how many attempts, how long in all, and how it ended. */
public record StepRecord(String step, StepRunner.Status status, int attempts, Instant startedAt, Duration took, String error) {
}
