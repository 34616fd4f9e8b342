package io.ferry.app.replication;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart drawn on one canvas, for series that update several times a second: each redraw downsamples every
 * series to the canvas width ({@link Downsampler}) and strokes one polyline per series, so its cost depends on the
 * width in pixels, not on the hour of samples behind it. No scene-graph node per point, no animation.
 */
public final class LiveChart extends Region {
    private static final double LEFT = 64;
    private static final double RIGHT = 12;
    private static final double TOP = 26;
    private static final double BOTTOM = 22;
    private static final Font FONT = Font.font(11);
    private static final Font TITLE_FONT = Font.font(null, javafx.scene.text.FontWeight.BOLD, 12);

    /** One line: its name in the legend, its colour, and its values (NaN or negative: unknown). */
    public record Series(String name, Color color, double[] values) {
    }

    private final Canvas canvas = new Canvas();
    private final String title;
    private final DoubleFunction<String> valueFormat;
    private long[] times = new long[0];
    private List<Series> series = List.of();
    private int count;
    private long from;
    private long to;
    private long maxRedrawNanos;
    private int points;

    public LiveChart(String title, DoubleFunction<String> valueFormat) {
        this.title = title;
        this.valueFormat = valueFormat;
        getChildren().add(canvas);
        getStyleClass().add("live-chart");
        setMinSize(200, 120);
        setPrefSize(480, 220);
    }

    /** New data: sample times (epoch ms), the series, and the time window shown. Redraws at once. */
    public void show(long[] sampleTimes, int sampleCount, List<Series> lines, long windowFrom, long windowTo) {
        this.times = sampleTimes;
        this.count = sampleCount;
        this.series = lines;
        this.from = windowFrom;
        this.to = windowTo;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        long t0 = System.nanoTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        int columns = (int) plotW;
        Downsampler.Points[] drawn = new Downsampler.Points[series.size()];
        double top = 0;
        int total = 0;
        for (int i = 0; i < series.size(); i++) {
            drawn[i] = Downsampler.toPixels(times, series.get(i).values(), count, from, to, columns);
            for (int p = 0; p < drawn[i].size(); p++) {
                top = Math.max(top, drawn[i].y()[p]);
            }
            total += drawn[i].size();
        }
        double scale = niceCeiling(top);

        g.setFill(Color.web("#fbfbfc"));
        g.fillRect(LEFT, TOP, plotW, plotH);
        g.setStroke(Color.web("#e1e4e8"));
        g.setLineWidth(1);
        g.setFont(FONT);
        g.setFill(Color.web("#57606a"));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int rows = divisions(scale);
        for (int i = 0; i <= rows; i++) {
            double y = Math.round(TOP + plotH - plotH * i / rows) + 0.5;
            g.strokeLine(LEFT, y, LEFT + plotW, y);
            g.fillText(valueFormat.apply(scale * i / rows), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        long spanSeconds = Math.max(1, (to - from) / 1000);
        for (int i = 0; i <= 5; i++) {
            double x = Math.round(LEFT + plotW * i / 5.0) + 0.5;
            g.strokeLine(x, TOP, x, TOP + plotH);
            long agoSeconds = spanSeconds - spanSeconds * i / 5;
            g.fillText(agoSeconds == 0 ? "now" : "-" + ago(agoSeconds), x, TOP + plotH + 4);
        }

        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(TITLE_FONT);
        g.setFill(Color.web("#24292f"));
        g.fillText(title, LEFT, TOP / 2);
        double legendX = LEFT + 12 + title.length() * 7.5;
        g.setFont(FONT);
        g.setLineWidth(1.6);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setStroke(s.color());
            g.strokeLine(legendX, TOP / 2, legendX + 16, TOP / 2);
            g.setFill(Color.web("#24292f"));
            g.fillText(s.name(), legendX + 20, TOP / 2);
            legendX += 34 + s.name().length() * 6.5;

            Downsampler.Points p = drawn[i];
            if (p.size() == 0) {
                continue;
            }
            double[] xs = new double[p.size()];
            double[] ys = new double[p.size()];
            for (int k = 0; k < p.size(); k++) {
                xs[k] = LEFT + p.x()[k] + 0.5;
                ys[k] = TOP + plotH - Math.min(1, p.y()[k] / scale) * plotH;
            }
            g.strokePolyline(xs, ys, p.size());
        }
        points = total;
        maxRedrawNanos = Math.max(maxRedrawNanos, System.nanoTime() - t0);
    }

    private static String ago(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** Grid rows that give round labels: 4 for a scale of 2·10^n (0.5 steps), 5 for 1·10^n and 5·10^n. */
    static int divisions(double scale) {
        double mantissa = scale / Math.pow(10, Math.floor(Math.log10(scale)));
        return Math.abs(mantissa - 2) < 1e-9 ? 4 : 5;
    }

    /** 1, 2 or 5 times a power of ten at or above {@code v} (at least 1). */
    static double niceCeiling(double v) {
        if (v <= 1) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** The longest redraw so far, in nanoseconds (for the pulse measurement). */
    public long maxRedrawNanos() {
        return maxRedrawNanos;
    }

    /** Points drawn by the last redraw (after downsampling). */
    public int drawnPoints() {
        return points;
    }

    static String rate(double v) {
        return v >= 10_000 ? String.format(Locale.ROOT, "%.0fk", v / 1000) : v >= 1000
                ? String.format(Locale.ROOT, "%.1fk", v / 1000) : String.format(Locale.ROOT, "%.0f", v);
    }

    static String seconds(double v) {
        return v >= 10 || v == 0 ? String.format(Locale.ROOT, "%.0f s", v) : String.format(Locale.ROOT, "%.1f s", v);
    }
}
