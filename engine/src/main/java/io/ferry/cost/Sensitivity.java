package io.ferry.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How the break-even moves when one input moves and the others stay: load growth, the price of power, and
 * the reserved / savings-plan discount.
 */
public final class Sensitivity {

    public enum Parameter {
        GROWTH("monthly load growth", "%/month"),
        POWER_PRICE("power price", "$/kWh"),
        RESERVED_DISCOUNT("reserved / savings-plan discount", "points added");

        private final String label;
        private final String unit;

        Parameter(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }
    }

    public record Point(double value, OptionalInt breakEvenMonth, double cloudTotal, double ownedTotal) {
    }

    public record Curve(Parameter parameter, double baseValue, List<Point> points) {
    }

    private final CostCalculator calculator;

    public Sensitivity(CostCalculator calculator) {
        this.calculator = calculator;
    }

    /** The three curves around the scenario (with its overrides) on the default grids. */
    public List<Curve> all(Scenario scenario, Overrides base) {
        Scenario s = base.applyTo(scenario);
        double growth = s.monthlyGrowthPercent();
        double power = s.owned().power().pricePerKwh() == null ? 0 : s.owned().power().pricePerKwh();
        return List.of(
                curve(scenario, base, Parameter.GROWTH, growth, grid(growth, 0, 1, 2, 3, 5, 8, 12)),
                curve(scenario, base, Parameter.POWER_PRICE, power,
                        grid(power, power * 0.5, power * 0.75, power * 1.5, power * 2, power * 3)),
                curve(scenario, base, Parameter.RESERVED_DISCOUNT, base.discountShiftPoints(),
                        grid(base.discountShiftPoints(), -20, -10, 0, 10, 20)));
    }

    public Curve curve(Scenario scenario, Overrides base, Parameter parameter, double baseValue, double[] values) {
        List<Point> points = new ArrayList<>();
        for (double v : values) {
            Overrides o = switch (parameter) {
                case GROWTH -> base.withGrowth(v);
                case POWER_PRICE -> base.withPowerPrice(v);
                case RESERVED_DISCOUNT -> base.withDiscountShift(v);
            };
            CostProjection p = calculator.compute(scenario, o);
            points.add(new Point(v, p.breakEvenMonth(), p.cloudTotal(), p.ownedTotal()));
        }
        return new Curve(parameter, baseValue, points);
    }

    /** The given values plus the base value, sorted, without duplicates. */
    private static double[] grid(double base, double... values) {
        return java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(base),
                        java.util.Arrays.stream(values))
                .map(v -> Math.round(v * 10000) / 10000.0)
                .distinct().sorted().toArray();
    }
}
