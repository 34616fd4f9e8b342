package io.ferry.cost;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Month-by-month CSV of a projection: load, each component and the totals for both sides. */
public final class CostCsv {
    private CostCsv() {
    }

    public static void write(CostProjection p, Writer out) throws IOException {
        StringBuilder header = new StringBuilder("month,load");
        for (String side : new String[]{"cloud", "owned"}) {
            for (CostComponent c : CostComponent.values()) {
                header.append(',').append(side).append('_').append(c.name().toLowerCase(Locale.ROOT));
            }
            header.append(',').append(side).append("_total,").append(side).append("_cumulative");
        }
        out.write(header.append('\n').toString());
        for (int m = 1; m <= p.horizon(); m++) {
            StringBuilder row = new StringBuilder().append(m).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", p.load()[m]));
            append(row, p.cloud()[m], p.cloudCumulative()[m]);
            append(row, p.owned()[m], p.ownedCumulative()[m]);
            out.write(row.append('\n').toString());
        }
    }

    private static void append(StringBuilder row, CostBreakdown b, double cumulative) {
        for (CostComponent c : CostComponent.values()) {
            row.append(',').append(Money.cents(b.get(c)));
        }
        row.append(',').append(Money.cents(b.total())).append(',').append(Money.cents(cumulative));
    }
}
