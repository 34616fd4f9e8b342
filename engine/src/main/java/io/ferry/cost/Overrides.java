package io.ferry.cost;

/**
 * What the sensitivity analysis and the console's sliders change on top of a scenario; null keeps the
 * scenario's own value.
 *
 * @param discountShiftPoints percentage points added to every reserved / savings-plan discount
 */
public record Overrides(Double growthPercent, Double powerPricePerKwh, double discountShiftPoints) {
    public static final Overrides NONE = new Overrides(null, null, 0);

    public Overrides withGrowth(Double g) {
        return new Overrides(g, powerPricePerKwh, discountShiftPoints);
    }

    public Overrides withPowerPrice(Double p) {
        return new Overrides(growthPercent, p, discountShiftPoints);
    }

    public Overrides withDiscountShift(double d) {
        return new Overrides(growthPercent, powerPricePerKwh, d);
    }

    Scenario applyTo(Scenario s) {
        Scenario out = s;
        if (growthPercent != null) {
            out = out.withGrowthPercent(growthPercent);
        }
        if (powerPricePerKwh != null && out.owned() != null) {
            Scenario.Power p = out.owned().power();
            out = out.withOwned(out.owned().withPower(new Scenario.Power(p == null ? null : p.pue(), powerPricePerKwh)));
        }
        return out;
    }
}
