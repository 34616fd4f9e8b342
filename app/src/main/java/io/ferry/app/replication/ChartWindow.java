package io.ferry.app.replication;

import java.time.Duration;

/** How much history the charts show. */
public enum ChartWindow {
    FIVE_MINUTES("5 min", Duration.ofMinutes(5)),
    ONE_HOUR("1 hour", Duration.ofHours(1));

    private final String label;
    private final Duration span;

    ChartWindow(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    public String label() {
        return label;
    }

    public Duration span() {
        return span;
    }
}
