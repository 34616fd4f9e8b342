package io.ferry.genlog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Growth per day from Ferry's own size samples: the slope between the first and the last sample. */
public final class GrowthEstimator {
    /** One sample of a series. */
    public record Sample(Instant at, double value) {
    }

    private static final Duration MIN_SPAN = Duration.ofMinutes(1);

    private GrowthEstimator() {
    }

    /**
     * Units per day, from samples at least a minute apart that show no drop (a drop means a rotation, and the
     * samples before it describe another table): only the samples since the last drop count.
     */
    public static Optional<Double> perDay(List<Sample> samples) {
        int start = 0;
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).value() < samples.get(i - 1).value()) {
                start = i;
            }
        }
        if (samples.size() - start < 2) {
            return Optional.empty();
        }
        Sample first = samples.get(start);
        Sample last = samples.get(samples.size() - 1);
        Duration span = Duration.between(first.at(), last.at());
        if (span.compareTo(MIN_SPAN) < 0) {
            return Optional.empty();
        }
        return Optional.of((last.value() - first.value()) / (span.toMillis() / 86_400_000.0));
    }
}
