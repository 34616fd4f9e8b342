package io.ferry.app.replication;

import java.util.Arrays;

/**
 * Reduces a time series to at most two points per pixel column: the minimum and the maximum of the samples that
 * fall in the column, in time order. A line through them looks like the full series (spikes survive) but costs
 * the width of the chart, not the number of samples. Pure; no JavaFX.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /** Points to draw: {@code x} in pixels from the left, {@code y} in the series' units. */
    public record Points(double[] x, double[] y, int size) {
    }

    /**
     * @param times  sample times (any unit, ascending)
     * @param values the values; NaN or negative values are gaps (unknown)
     * @param from   the time at the left edge
     * @param to     the time at the right edge
     * @param width  the chart width in pixels
     */
    public static Points toPixels(long[] times, double[] values, int count, long from, long to, int width) {
        int columns = Math.max(1, width);
        double[] min = new double[columns];
        double[] max = new double[columns];
        int[] minAt = new int[columns];
        int[] maxAt = new int[columns];
        Arrays.fill(min, Double.NaN);
        double span = Math.max(1, to - from);
        for (int i = 0; i < count; i++) {
            long t = times[i];
            double v = values[i];
            if (t < from || t > to || Double.isNaN(v) || v < 0) {
                continue;
            }
            int c = (int) Math.min(columns - 1, (t - from) / span * columns);
            if (Double.isNaN(min[c])) {
                min[c] = v;
                max[c] = v;
                minAt[c] = i;
                maxAt[c] = i;
            } else if (v < min[c]) {
                min[c] = v;
                minAt[c] = i;
            } else if (v > max[c]) {
                max[c] = v;
                maxAt[c] = i;
            }
        }
        double[] x = new double[columns * 2];
        double[] y = new double[columns * 2];
        int n = 0;
        for (int c = 0; c < columns; c++) {
            if (Double.isNaN(min[c])) {
                continue;
            }
            boolean minFirst = minAt[c] <= maxAt[c];
            x[n] = c;
            y[n++] = minFirst ? min[c] : max[c];
            if (min[c] != max[c]) {
                x[n] = c;
                y[n++] = minFirst ? max[c] : min[c];
            }
        }
        return new Points(x, y, n);
    }
}
