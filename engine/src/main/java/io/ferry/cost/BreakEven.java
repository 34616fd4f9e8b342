package io.ferry.cost;

import java.util.OptionalInt;

/**
 * The month from which owning has cost no more than the cloud, in cumulative cash, and stays so to the end
 * of the horizon. A crossing that is undone later (say by a hardware refresh) does not count: the answer is
 * the month after which the owned line stays at or below the cloud line.
 */
public final class BreakEven {
    private BreakEven() {
    }

    /** @param cloudCumulative, ownedCumulative index 1..horizon */
    public static OptionalInt month(double[] cloudCumulative, double[] ownedCumulative) {
        int h = cloudCumulative.length - 1;
        int candidate = -1;
        for (int m = h; m >= 1; m--) {
            if (ownedCumulative[m] <= cloudCumulative[m] + 1e-6) {
                candidate = m;
            } else {
                break;
            }
        }
        return candidate < 0 ? OptionalInt.empty() : OptionalInt.of(candidate);
    }
}
