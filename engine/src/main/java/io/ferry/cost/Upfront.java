package io.ferry.cost;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much of a reservation or savings plan is paid at the start of its term. */
public enum Upfront {
    /** Everything monthly. */
    NONE("none", 0.0),
    /** Half at the start of the term, the rest monthly (AWS's partial upfront is close to half). */
    PARTIAL("partial", 0.5),
    /** Everything at the start of the term. */
    ALL("all", 1.0);

    private final String yaml;
    private final double paidAtStart;

    Upfront(String yaml, double paidAtStart) {
        this.yaml = yaml;
        this.paidAtStart = paidAtStart;
    }

    @JsonValue
    public String yaml() {
        return yaml;
    }

    /** The share of the term's total paid in the term's first month. */
    public double paidAtStart() {
        return paidAtStart;
    }

    @JsonCreator
    public static Upfront parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.yaml.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an upfront option; use one of "
                        + Arrays.stream(values()).map(Upfront::yaml).collect(Collectors.joining(", "))));
    }
}
