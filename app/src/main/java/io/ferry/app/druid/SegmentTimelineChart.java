package io.ferry.app.druid;

import io.ferry.client.druid.DruidTimelineRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The segment timeline drawn on a time axis: one bar per interval and version, the active version on the top lane
 * and older versions below it; coloured by origin (batch blue, real-time orange, unknown grey), overshadowed
 * versions faded and dashed; the tier written on the bar when it fits. Clicking a bar selects that row.
 */
final class SegmentTimelineChart extends Region {
    static final Color BATCH = Color.web("#2f6fd6");
    static final Color REALTIME = Color.web("#e8871e");
    static final Color UNKNOWN = Color.web("#8a8a8a");
    private static final double LANE = 22;
    private static final double AXIS = 18;
    private static final int MAX_BARS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final List<Bar> bars = new ArrayList<>();
    private final Text from = new Text();
    private final Text to = new Text();
    private final Text empty = new Text("No segments");
    private final Consumer<DruidTimelineRow> onSelect;
    private Instant min;
    private Instant max;
    private int lanes;

    private record Bar(DruidTimelineRow row, int lane, Rectangle rect, Text label) {
    }

    SegmentTimelineChart(Consumer<DruidTimelineRow> onSelect) {
        this.onSelect = onSelect;
        setId("druidTimeline");
        getStyleClass().add("segment-timeline");
        setMinHeight(LANE * 2 + AXIS);
        setPrefHeight(LANE * 3 + AXIS);
        from.getStyleClass().add("timeline-axis");
        to.getStyleClass().add("timeline-axis");
        getChildren().add(empty);
    }

    void show(List<DruidTimelineRow> rows) {
        bars.clear();
        getChildren().clear();
        min = null;
        max = null;
        lanes = 1;
        Map<String, Integer> laneInInterval = new HashMap<>();
        for (DruidTimelineRow row : rows.subList(0, Math.min(rows.size(), MAX_BARS))) {
            int lane = laneInInterval.merge(row.start() + "/" + row.end(), 1, Integer::sum) - 1;
            lanes = Math.max(lanes, lane + 1);
            min = min == null || row.start().isBefore(min) ? row.start() : min;
            max = max == null || row.end().isAfter(max) ? row.end() : max;
            Rectangle rect = new Rectangle();
            Color colour = colour(row.origin());
            rect.setFill(row.overshadowed() ? colour.deriveColor(0, 0.4, 1.2, 0.45) : colour);
            rect.setStroke(colour.darker());
            if (row.overshadowed()) {
                rect.getStrokeDashArray().setAll(4.0, 3.0);
            }
            rect.getStyleClass().addAll("timeline-segment", "origin-" + row.origin().replace(' ', '-'),
                    row.overshadowed() ? "overshadowed" : "visible");
            Tooltip.install(rect, new Tooltip(row.start() + " / " + row.end() + "\nversion " + row.version() + "\n" + row.origin()
                    + ", " + row.state() + "\n" + String.format(Locale.ROOT, "%,d rows, %d partition(s)", row.rows(), row.partitions())
                    + "\ntiers: " + row.tiers()));
            rect.setOnMouseClicked(e -> onSelect.accept(row));
            Text label = new Text(row.tiers().equals("-") ? "" : row.tiers());
            label.getStyleClass().add("timeline-tier");
            label.setMouseTransparent(true);
            bars.add(new Bar(row, lane, rect, label));
            getChildren().addAll(rect, label);
        }
        if (bars.isEmpty()) {
            getChildren().add(empty);
        } else {
            from.setText(TIME.format(min));
            to.setText(TIME.format(max));
            getChildren().addAll(from, to);
        }
        setPrefHeight(LANE * Math.max(2, lanes) + AXIS + 8);
        requestLayout();
    }

    static Color colour(String origin) {
        return switch (origin) {
            case "batch" -> BATCH;
            case "real-time" -> REALTIME;
            default -> UNKNOWN;
        };
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth() - 8);
        empty.relocate(4, 4);
        if (bars.isEmpty()) {
            return;
        }
        double span = Math.max(1, max.toEpochMilli() - min.toEpochMilli());
        for (Bar bar : bars) {
            double x = 4 + w * (bar.row().start().toEpochMilli() - min.toEpochMilli()) / span;
            double width = Math.max(2, w * (bar.row().end().toEpochMilli() - bar.row().start().toEpochMilli()) / span - 1);
            bar.rect().setX(x);
            bar.rect().setY(4 + bar.lane() * LANE);
            bar.rect().setWidth(width);
            bar.rect().setHeight(LANE - 4);
            bar.label().setVisible(width > bar.label().getLayoutBounds().getWidth() + 6);
            bar.label().relocate(x + 3, 4 + bar.lane() * LANE + 3);
        }
        double axisY = 6 + lanes * LANE;
        from.relocate(4, axisY);
        to.relocate(Math.max(4, getWidth() - to.getLayoutBounds().getWidth() - 4), axisY);
    }

    /** The bars as drawn, for tests: rectangle per row. */
    List<Rectangle> rectangles() {
        return bars.stream().map(Bar::rect).toList();
    }
}
