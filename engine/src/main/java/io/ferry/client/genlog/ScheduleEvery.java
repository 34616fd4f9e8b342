package io.ferry.client.genlog;

/** How often the scheduled rotation fires: every {@code amount} days, hours or minutes. */
public record ScheduleEvery(int amount, Unit unit) {
    public enum Unit { DAYS, HOURS, MINUTES }

    public ScheduleEvery {
        if (amount < 1) {
            throw new IllegalArgumentException("rotate every 1 or more " + unit.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not " + amount);
        }
    }
}
