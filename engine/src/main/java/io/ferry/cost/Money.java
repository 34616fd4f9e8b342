package io.ferry.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Rounding for output. The model computes in double (a 60-month run sums a few thousand terms, far below
 * the precision where cents drift); every figure shown or exported is rounded half-up here.
 */
public final class Money {
    private Money() {
    }

    /** Rounded to the cent, half-up, as a plain number string ("1234.57"). */
    public static String cents(double dollars) {
        return BigDecimal.valueOf(dollars).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** "$1,234,568" (whole dollars) for tables. */
    public static String dollars(double dollars) {
        long rounded = BigDecimal.valueOf(dollars).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return (rounded < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,d", Math.abs(rounded));
    }

    /** "$12.35" for per-unit figures. */
    public static String dollarsAndCents(double dollars) {
        BigDecimal rounded = BigDecimal.valueOf(dollars).setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", rounded.abs());
    }
}
