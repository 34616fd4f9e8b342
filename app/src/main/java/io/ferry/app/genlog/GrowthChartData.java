package io.ferry.app.genlog;

import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.GrowthSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the growth chart draws, computed without a screen: the samples (rows or bytes over time), RDS's own rotation
 * threshold as a horizontal line (in rows, converted at the table's current bytes per row), and the projected
 * crossing, from the last sample to the threshold at the projected date.
 *
 * @param points     the samples, oldest first
 * @param threshold  the threshold in the chart's unit, when known
 * @param projection the last sample and the crossing point, when a crossing is projected
 * @param caption    one line under the chart: the threshold and when it is reached, or why it is not shown
 */
public record GrowthChartData(List<Point> points, Optional<Double> threshold, List<Point> projection, String caption) {

    /** What the chart measures. */
    public enum Measure { BYTES, ROWS }

    /** x: epoch milliseconds, y: rows or bytes. */
    public record Point(long x, double y) {
    }

    public static final GrowthChartData EMPTY = new GrowthChartData(List.of(), Optional.empty(), List.of(), "");

    public static GrowthChartData of(GenlogStatusView status, Measure measure) {
        List<Point> points = new ArrayList<>();
        for (GrowthSample s : status.samples()) {
            points.add(new Point(s.at().toEpochMilli(), measure == Measure.BYTES ? s.bytes() : s.rows()));
        }
        if (status.rdsThresholdBytes().isEmpty()) {
            return new GrowthChartData(points, Optional.empty(), List.of(), "RDS's own rotation threshold: enter the"
                    + " instance's allocated storage to draw it and project the day it is reached.");
        }
        long thresholdBytes = status.rdsThresholdBytes().get();
        Optional<Double> threshold;
        if (measure == Measure.BYTES) {
            threshold = Optional.of((double) thresholdBytes);
        } else if (status.bytes() > 0 && status.rows() > 0) {
            threshold = Optional.of(thresholdBytes * (double) status.rows() / status.bytes());
        } else {
            threshold = Optional.empty();
        }
        String limit = "RDS rotates at " + GenlogFormat.bytes(thresholdBytes)
                + (measure == Measure.ROWS && threshold.isPresent()
                ? " (about " + GenlogFormat.count(Math.round(threshold.get())) + " rows at today's row size)" : "");
        Optional<Instant> crossing = status.rdsCrossing();
        if (crossing.isEmpty()) {
            return new GrowthChartData(points, threshold, List.of(), limit + "; not reached at the current growth.");
        }
        List<Point> projection = new ArrayList<>();
        if (!points.isEmpty() && threshold.isPresent()) {
            projection.add(points.get(points.size() - 1));
            projection.add(new Point(crossing.get().toEpochMilli(), threshold.get()));
        }
        return new GrowthChartData(points, threshold, projection, limit + "; projected to be reached on "
                + GenlogFormat.day(crossing.get()) + " (estimate).");
    }
}
