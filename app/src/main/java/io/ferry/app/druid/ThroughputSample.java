package io.ferry.app.druid;

import java.time.Instant;

/** Events per second ingested from the streams at one moment (sum over the supervisors' tasks). */
public record ThroughputSample(Instant at, double eventsPerSecond) {
}
