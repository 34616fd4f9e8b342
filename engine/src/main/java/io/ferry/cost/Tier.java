package io.ferry.cost;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One band of a tiered price: {@code perGb} for the quantity up to {@code upToGb} (null: no upper bound). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tier(Double upToGb, double perGb) {
}
