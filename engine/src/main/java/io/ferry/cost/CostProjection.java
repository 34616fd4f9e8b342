package io.ferry.cost;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The result: both sides' cost for every month of the horizon (arrays indexed 1..horizon), the cumulative
 * curves, the break-even month and the cost per unit of work.
 */
public record CostProjection(Scenario scenario, Overrides overrides, double[] load,
                             CostBreakdown[] cloud, CostBreakdown[] owned,
                             double[] cloudCumulative, double[] ownedCumulative, OptionalInt breakEvenMonth) {

    public int horizon() {
        return cloud.length - 1;
    }

    public double cloudTotal() {
        return cloudCumulative[horizon()];
    }

    public double ownedTotal() {
        return ownedCumulative[horizon()];
    }

    /** A component summed over the horizon. */
    public double cloudTotal(CostComponent c) {
        double sum = 0;
        for (int m = 1; m <= horizon(); m++) {
            sum += cloud[m].get(c);
        }
        return sum;
    }

    public double ownedTotal(CostComponent c) {
        double sum = 0;
        for (int m = 1; m <= horizon(); m++) {
            sum += owned[m].get(c);
        }
        return sum;
    }

    /** Units of work done over the horizon (the workload's monthly units, growing with the load). */
    public OptionalDouble unitsOfWork() {
        Scenario.Workload w = scenario.workload();
        if (w == null || w.unitsPerMonth() == null || w.unitsPerMonth() <= 0) {
            return OptionalDouble.empty();
        }
        double units = 0;
        for (int m = 1; m <= horizon(); m++) {
            units += w.unitsPerMonth() * load[m];
        }
        return OptionalDouble.of(units);
    }

    /** Cloud dollars per unit of work over the whole horizon. */
    public OptionalDouble cloudPerUnit() {
        OptionalDouble u = unitsOfWork();
        return u.isPresent() ? OptionalDouble.of(cloudTotal() / u.getAsDouble()) : OptionalDouble.empty();
    }

    public OptionalDouble ownedPerUnit() {
        OptionalDouble u = unitsOfWork();
        return u.isPresent() ? OptionalDouble.of(ownedTotal() / u.getAsDouble()) : OptionalDouble.empty();
    }

    public String unitName() {
        return scenario.workload() == null || scenario.workload().unit() == null ? "unit" : scenario.workload().unit();
    }
}
