package io.ferry.cost;

/**
 * What one owned server pool looks like month by month (index = month, 1-based): servers in service,
 * servers delivered (bought), servers replaced at the end of their life, and demand not covered.
 */
public record CapacityPlan(int[] installed, int[] delivered, int[] replaced, double[] shortfall) {

    public int horizon() {
        return installed.length - 1;
    }

    /** Servers paid for in a month: new deliveries plus end-of-life replacements. */
    public int paidFor(int month) {
        return delivered[month] + replaced[month];
    }
}
