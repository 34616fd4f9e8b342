package io.ferry.cost;

/**
 * GB held in one object store at the end of each month. With a retention of R months the store holds the
 * last R months of additions (before month 1 the additions are the month-1 rate when it starts full);
 * without retention it holds the initial GB plus everything added.
 */
public final class StoredData {
    private StoredData() {
    }

    /** @return GB at the end of each month, index 1..horizon */
    public static double[] gbByMonth(Scenario.ObjectStore store, GrowthModel growth) {
        int h = growth.horizon();
        double[] added = new double[h + 1];
        for (int m = 1; m <= h; m++) {
            added[m] = growth.scaled(store.added(), store.scales(), m);
        }
        double[] stored = new double[h + 1];
        Integer retention = store.retentionMonths();
        boolean full = Boolean.TRUE.equals(store.filledAtStart());
        double total = store.initial();
        for (int m = 1; m <= h; m++) {
            if (retention == null) {
                total += added[m];
                stored[m] = total;
            } else {
                double sum = 0;
                for (int k = m - retention + 1; k <= m; k++) {
                    sum += k >= 1 ? added[k] : (full ? store.added() : 0);
                }
                stored[m] = sum;
            }
        }
        return stored;
    }
}
