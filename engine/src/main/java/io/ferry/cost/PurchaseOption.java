package io.ferry.cost;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a node group's non-spot nodes are bought. */
public enum PurchaseOption {
    ON_DEMAND("on-demand"),
    RESERVED("reserved"),
    SAVINGS_PLAN("savings-plan");

    private final String yaml;

    PurchaseOption(String yaml) {
        this.yaml = yaml;
    }

    @JsonValue
    public String yaml() {
        return yaml;
    }

    @JsonCreator
    public static PurchaseOption parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(v -> v.yaml.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a purchase option; use one of "
                        + Arrays.stream(values()).map(PurchaseOption::yaml).collect(Collectors.joining(", "))));
    }
}
