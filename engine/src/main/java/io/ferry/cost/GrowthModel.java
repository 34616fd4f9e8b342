package io.ferry.cost;

/**
 * Load over time: month 1 carries the scenario's load as given, and every month after grows by the monthly
 * rate, compounded: load(m) = (1 + g)^(m - 1). Cloud node counts follow it at once (rounded up to whole nodes).
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

    /** Whole cloud nodes needed in a month: the base count scaled by the load, rounded up. */
    public int nodes(int baseCount, boolean scales, int month) {
        if (!scales) {
            return baseCount;
        }
        // The small epsilon keeps 2 x 1.0000000000002 from becoming 3 nodes.
        return (int) Math.ceil(baseCount * load[month] - 1e-9);
    }
}
