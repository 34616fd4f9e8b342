package io.ferry.genlog;

import java.util.Locale;

/** How often a scheduled rotation fires: {@code EVERY amount unit}. */
public record ScheduleInterval(int amount, Unit unit) {
    /** The units Ferry offers (MySQL's event units, minus the exotic ones). */
    public enum Unit { DAY, HOUR, MINUTE, SECOND }

    public ScheduleInterval {
        if (amount < 1) {
            throw new IllegalArgumentException("the interval must be at least 1 " + unit.name().toLowerCase(Locale.ROOT)
                    + ", was " + amount);
        }
    }

    /** Parses {@code 1d}, {@code 12h}, {@code 30m}, {@code 5s} (a bare number means days). */
    public static ScheduleInterval parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Unit unit = Unit.DAY;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (Character.isLetter(last)) {
            unit = switch (last) {
                case 'd' -> Unit.DAY;
                case 'h' -> Unit.HOUR;
                case 'm' -> Unit.MINUTE;
                case 's' -> Unit.SECOND;
                default -> throw new IllegalArgumentException("interval '" + text + "': use a number with d, h, m or s (e.g. 1d, 12h)");
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            return new ScheduleInterval(Integer.parseInt(t), unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("interval '" + text + "': use a number with d, h, m or s (e.g. 1d, 12h)");
        }
    }

    public String sql() {
        return "EVERY " + amount + " " + unit.name();
    }
}
