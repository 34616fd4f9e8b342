package io.ferry.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The plain-text summary printed by {@code ferry cost}: table, break-even, breakdown, sensitivity, assumptions. */
public final class CostReport {
    private CostReport() {
    }

    public static String breakEvenText(OptionalInt month, int horizon) {
        if (month.isEmpty()) {
            return "none within " + horizon + " months (the cloud stays cheaper)";
        }
        int m = month.getAsInt();
        int years = m / 12;
        int months = m % 12;
        String span = (years == 0 ? "" : years + (years == 1 ? " year" : " years"))
                + (years > 0 && months > 0 ? " " : "")
                + (months == 0 ? "" : months + (months == 1 ? " month" : " months"));
        return "month " + m + " (after " + span + ")";
    }

    public static String render(CostProjection p, PriceCatalogue catalogue, List<Sensitivity.Curve> sensitivity) {
        StringBuilder sb = new StringBuilder();
        Scenario s = p.scenario();
        sb.append(s.name() == null ? "Scenario" : s.name()).append('\n');
        sb.append("Cloud versus owned over ").append(p.horizon()).append(" months, ")
                .append(Assumptions.fmt(s.monthlyGrowthPercent())).append(" % load growth a month\n\n");

        sb.append(String.format(Locale.ROOT, "%6s %7s %14s %14s %16s %16s%n",
                "month", "load", "cloud/month", "owned/month", "cloud cumul.", "owned cumul."));
        for (int m : rows(p.horizon())) {
            sb.append(String.format(Locale.ROOT, "%6d %7s %14s %14s %16s %16s%n", m,
                    String.format(Locale.ROOT, "x%.2f", p.load()[m]),
                    Money.dollars(p.cloud()[m].total()), Money.dollars(p.owned()[m].total()),
                    Money.dollars(p.cloudCumulative()[m]), Money.dollars(p.ownedCumulative()[m])));
        }
        sb.append('\n').append("Break-even: ").append(breakEvenText(p.breakEvenMonth(), p.horizon())).append('\n');
        sb.append("Total over ").append(p.horizon()).append(" months: cloud ").append(Money.dollars(p.cloudTotal()))
                .append(", owned ").append(Money.dollars(p.ownedTotal())).append('\n');
        if (p.cloudPerUnit().isPresent()) {
            sb.append("Cost per ").append(p.unitName()).append(": cloud ")
                    .append(Money.dollarsAndCents(p.cloudPerUnit().getAsDouble())).append(", owned ")
                    .append(Money.dollarsAndCents(p.ownedPerUnit().getAsDouble())).append(" (horizon average)\n");
        }

        sb.append("\nBreakdown over the horizon\n");
        sb.append(String.format(Locale.ROOT, "  %-20s %16s %16s%n", "", "cloud", "owned"));
        for (CostComponent c : CostComponent.values()) {
            double cl = p.cloudTotal(c);
            double ow = p.ownedTotal(c);
            if (cl != 0 || ow != 0) {
                sb.append(String.format(Locale.ROOT, "  %-20s %16s %16s%n", c.label(), Money.dollars(cl), Money.dollars(ow)));
            }
        }

        if (sensitivity != null && !sensitivity.isEmpty()) {
            sb.append("\nSensitivity of the break-even month\n");
            for (Sensitivity.Curve c : sensitivity) {
                sb.append("  ").append(c.parameter().label()).append(" (").append(c.parameter().unit()).append("): ");
                List<String> parts = new ArrayList<>();
                for (Sensitivity.Point pt : c.points()) {
                    String v = Assumptions.fmt(pt.value());
                    if (pt.value() == c.baseValue()) {
                        v = "[" + v + "]";
                    }
                    parts.add(v + " -> " + (pt.breakEvenMonth().isPresent() ? "month " + pt.breakEvenMonth().getAsInt() : "none"));
                }
                sb.append(String.join(", ", parts)).append('\n');
            }
            sb.append("  ([x] = this scenario)\n");
        }

        List<String> suggestions = Suggestions.of(s, catalogue);
        if (!suggestions.isEmpty()) {
            sb.append("\nSuggestions\n");
            suggestions.forEach(x -> sb.append("  ").append(x).append('\n'));
        }

        sb.append("\nAssumptions\n");
        for (Assumptions.Line l : Assumptions.of(p, catalogue)) {
            sb.append(String.format(Locale.ROOT, "  %-20s %s%n", l.name(), l.value()));
        }
        return sb.toString();
    }

    private static List<Integer> rows(int horizon) {
        List<Integer> rows = new ArrayList<>();
        rows.add(1);
        for (int m = 6; m < horizon; m += 6) {
            rows.add(m);
        }
        if (horizon > 1) {
            rows.add(horizon);
        }
        return rows;
    }
}
