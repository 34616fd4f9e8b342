package io.ferry.cost;

/**
 * Load over time: month 1 carries the scenario's load as given, and every month after grows by the monthly
 * rate, compounded: load(m) = (1 + g)^(m - 1). Cloud node counts follow it at once, in whole nodes: the
 * month-1 count scaled by the load, rounded to the nearest node (each node keeps carrying about what it
 * carried at month 1; rounding up instead would add a third broker to two for 2 % more load), never below
 * the month-1 count.
 */
public final class GrowthModel {
    private final double[] load;

    public GrowthModel(double monthlyPercent, int horizonMonths) {
        load = new double[horizonMonths + 1];
        double factor = 1 + monthlyPercent / 100.0;
        double l = 1;
        for (int m = 1; m <= horizonMonths; m++) {
            load[m] = l;
            l *= factor;
        }
    }

    public int horizon() {
        return load.length - 1;
    }

    /** The load of month {@code month} (1-based) relative to month 1. */
    public double load(int month) {
        return load[month];
    }

    /** A quantity that follows the load (or not). */
    public double scaled(double base, boolean scales, int month) {
        return scales ? base * load[month] : base;
    }

    /** Whole cloud nodes in a month: the base count scaled by the load, to the nearest node, at least the base. */
    public int nodes(int baseCount, boolean scales, int month) {
        if (!scales) {
            return baseCount;
        }
        return (int) Math.max(baseCount, Math.round(baseCount * load[month]));
    }
}
