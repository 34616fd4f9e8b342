package io.ferry.cost;

/**
 * Buys owned servers the way an operations team does: enough for month 1's demand plus the spare share,
 * then, whenever demand plus spares outgrows what is installed and on order, an order that covers today's
 * demand plus spares plus a purchase step, delivered {@code leadTimeMonths} later. Spares absorb growth while
 * an order is on its way; demand above the installed servers is a shortfall (costed as delay elsewhere).
 * Every delivered lot is replaced after {@code lifeMonths} (the amortisation period).
 */
public final class CapacityPlanner {
    private static final double EPS = 1e-9;

    private final double spare;
    private final double step;
    private final int leadTimeMonths;
    private final int lifeMonths;

    public CapacityPlanner(double spareFraction, double stepFraction, int leadTimeMonths, int lifeMonths) {
        this.spare = spareFraction;
        this.step = stepFraction;
        this.leadTimeMonths = leadTimeMonths;
        this.lifeMonths = Math.max(1, lifeMonths);
    }

    /** @param demand servers needed per month, index 1..horizon (fractional: a server's share of work) */
    public CapacityPlan plan(double[] demand, int minServers) {
        int h = demand.length - 1;
        int[] installed = new int[h + 1];
        int[] delivered = new int[h + 1];
        int[] replaced = new int[h + 1];
        double[] shortfall = new double[h + 1];
        int[] arriving = new int[h + 1];
        int inService = 0;
        int onOrder = 0;
        for (int m = 1; m <= h; m++) {
            if (arriving[m] > 0) {
                inService += arriving[m];
                onOrder -= arriving[m];
                delivered[m] += arriving[m];
            }
            double wanted = demand[m] * (1 + spare);
            if (m == 1) {
                // The initial build is in place at month 1: the plan starts from a working cluster.
                int initial = Math.max(minServers, (int) Math.ceil(wanted - EPS));
                inService += initial;
                delivered[1] += initial;
            } else if (wanted > inService + onOrder + EPS) {
                int target = (int) Math.ceil(wanted * (1 + step) - EPS);
                int order = Math.max(1, target - inService - onOrder);
                if (leadTimeMonths == 0) {
                    inService += order;
                    delivered[m] += order;
                } else if (m + leadTimeMonths <= h) {
                    arriving[m + leadTimeMonths] += order;
                    onOrder += order;
                } else {
                    onOrder += order; // arrives after the horizon: neither paid nor installed within it
                }
            }
            installed[m] = inService;
            shortfall[m] = Math.max(0, demand[m] - inService);
            if (m > lifeMonths) {
                replaced[m] = delivered[m - lifeMonths] + replaced[m - lifeMonths];
            }
        }
        return new CapacityPlan(installed, delivered, replaced, shortfall);
    }
}
