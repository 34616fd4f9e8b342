package io.ferry.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Discounts off the on-demand price for reserved instances and savings plans, by term and upfront payment,
 * in percent. The defaults are typical of AWS's published rates for general-purpose (m5/m6i) standard
 * reserved instances and compute savings plans in us-east-1; a scenario can override any of them under
 * {@code cloud.commitmentDiscountPercent} with keys like {@code reserved-3y-all}.
 */
public final class CommitmentDiscounts {
    public static final double DEFAULT_SPOT_DISCOUNT_PERCENT = 70;

    private static final Map<String, Double> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("reserved-1y-none", 36.0);
        DEFAULTS.put("reserved-1y-partial", 40.0);
        DEFAULTS.put("reserved-1y-all", 42.0);
        DEFAULTS.put("reserved-3y-none", 55.0);
        DEFAULTS.put("reserved-3y-partial", 60.0);
        DEFAULTS.put("reserved-3y-all", 62.0);
        DEFAULTS.put("savings-plan-1y-none", 27.0);
        DEFAULTS.put("savings-plan-1y-partial", 30.0);
        DEFAULTS.put("savings-plan-1y-all", 32.0);
        DEFAULTS.put("savings-plan-3y-none", 50.0);
        DEFAULTS.put("savings-plan-3y-partial", 54.0);
        DEFAULTS.put("savings-plan-3y-all", 56.0);
    }

    private final Map<String, Double> percent;
    private final double shiftPoints;

    private CommitmentDiscounts(Map<String, Double> percent, double shiftPoints) {
        this.percent = percent;
        this.shiftPoints = shiftPoints;
    }

    /** The defaults, overridden by the scenario's entries, every one moved by {@code shiftPoints} (sensitivity). */
    public static CommitmentDiscounts of(Map<String, Double> overrides, double shiftPoints) {
        Map<String, Double> merged = new LinkedHashMap<>(DEFAULTS);
        if (overrides != null) {
            merged.putAll(overrides);
        }
        return new CommitmentDiscounts(merged, shiftPoints);
    }

    public static Map<String, Double> defaults() {
        return Map.copyOf(DEFAULTS);
    }

    public static boolean isKnownKey(String key) {
        return DEFAULTS.containsKey(key);
    }

    public static String key(PurchaseOption option, int termYears, Upfront upfront) {
        return option.yaml() + "-" + termYears + "y-" + upfront.yaml();
    }

    /** The discount as a fraction (0.62 for 62 %), after the shift, kept within 0..0.95. */
    public double fraction(PurchaseOption option, int termYears, Upfront upfront) {
        if (option == PurchaseOption.ON_DEMAND) {
            return 0;
        }
        Double p = percent.get(key(option, termYears, upfront));
        if (p == null) {
            throw new IllegalArgumentException("no discount known for " + key(option, termYears, upfront));
        }
        return Math.max(0, Math.min(95, p + shiftPoints)) / 100.0;
    }

    public Map<String, Double> effectivePercent() {
        Map<String, Double> out = new LinkedHashMap<>();
        percent.forEach((k, v) -> out.put(k, Math.max(0, Math.min(95, v + shiftPoints))));
        return out;
    }
}
