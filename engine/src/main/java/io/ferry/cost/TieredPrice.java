package io.ferry.cost;

import java.util.List;

/**
 * A price per GB that falls in bands (S3 Standard storage, data transfer out): each band's price applies
 * only to the GB inside that band, as on an AWS bill.
 */
public record TieredPrice(List<Tier> tiers) {

    public TieredPrice {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a tiered price needs at least one tier");
        }
        double previous = 0;
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (t.upToGb() == null && !last) {
                throw new IllegalArgumentException("only the last tier may be unbounded (tier " + (i + 1) + ")");
            }
            if (t.upToGb() != null && t.upToGb() <= previous) {
                throw new IllegalArgumentException("tier bounds must increase (tier " + (i + 1) + ")");
            }
            if (t.upToGb() != null) {
                previous = t.upToGb();
            }
        }
    }

    public static TieredPrice flat(double perGb) {
        return new TieredPrice(List.of(new Tier(null, perGb)));
    }

    /** Dollars for {@code gb} GB in one month. */
    public double cost(double gb) {
        double cost = 0;
        double lower = 0;
        for (Tier t : tiers) {
            double upper = t.upToGb() == null ? Double.POSITIVE_INFINITY : t.upToGb();
            if (gb <= lower) {
                break;
            }
            cost += (Math.min(gb, upper) - lower) * t.perGb();
            lower = upper;
        }
        if (gb > lower) {
            // Beyond the last bounded tier: the last tier's price goes on (a catalogue should end unbounded).
            cost += (gb - lower) * tiers.get(tiers.size() - 1).perGb();
        }
        return cost;
    }

    /** The price of the first GB, used where a marginal price is needed. */
    public double firstTierPerGb() {
        return tiers.get(0).perGb();
    }
}
