package io.ferry.client.genlog;

import java.time.Instant;

/** The log table's size when Ferry last looked: one point of the growth chart. */
public record GrowthSample(Instant at, long rows, long bytes) {
}
