package io.ferry.cost;

import java.util.Arrays;

/** One side's cost for one month, in dollars, per {@link CostComponent}. Mutable only while a model fills it. */
public final class CostBreakdown {
    private static final CostComponent[] COMPONENTS = CostComponent.values();
    private final double[] amounts = new double[COMPONENTS.length];

    void add(CostComponent component, double dollars) {
        amounts[component.ordinal()] += dollars;
    }

    public double get(CostComponent component) {
        return amounts[component.ordinal()];
    }

    public double total() {
        double sum = 0;
        for (double a : amounts) {
            sum += a;
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CostBreakdown{");
        for (CostComponent c : COMPONENTS) {
            if (amounts[c.ordinal()] != 0) {
                sb.append(c.label()).append('=').append(Money.cents(amounts[c.ordinal()])).append(", ");
            }
        }
        return sb.append("total=").append(Money.cents(total())).append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostBreakdown other && Arrays.equals(amounts, other.amounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(amounts);
    }
}
