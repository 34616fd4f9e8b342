package io.ferry.app.druid;

import atlantafx.base.theme.Styles;
import io.ferry.app.shell.ConsoleContext;
import io.ferry.client.druid.DruidReindexRunRow;
import io.ferry.client.druid.DruidSupervisorRow;
import io.ferry.client.druid.DruidTaskRow;
import io.ferry.client.druid.DruidTimelineRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Druid page: the datasource's segment timeline (drawn and as a table), its supervisors with state and lag,
 * the running tasks, the events/s ingested (and the last re-index's batch rows/s) as a live chart, the re-index
 * action (with a confirmation saying what it will do) and the runs table with the real-time vs batch difference.
 * All state lives in {@link DruidViewModel}.
 */
public final class DruidView extends BorderPane {
    private final DruidViewModel vm;
    private final SegmentTimelineChart chart;
    private final TableView<DruidTimelineRow> segments = new TableView<>();
    private final XYChart.Series<Number, Number> rate = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> batchRate = new XYChart.Series<>();
    private Alert confirmation;

    public DruidView(DruidViewModel vm) {
        this.vm = vm;
        setId("page-druid");
        setPadding(new Insets(12));
        chart = new SegmentTimelineChart(row -> {
            vm.selectedIntervalProperty().set(row);
            segments.getSelectionModel().select(row);
        });
        setTop(header());
        setCenter(center());
        vm.timeline().addListener((ListChangeListener<DruidTimelineRow>) c -> chart.show(vm.timeline()));
        vm.throughput().addListener((ListChangeListener<ThroughputSample>) c -> plotThroughput());
        vm.batchRowsPerSecondProperty().addListener((obs, old, now) -> plotThroughput());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                vm.startAutoRefresh();
            } else {
                vm.stopAutoRefresh();
            }
        });
    }

    /** The page of the console's navigation, refreshing while it is shown. */
    public static Node create(ConsoleContext context) {
        return new DruidView(new DruidViewModel(context.client(), context.tasks()));
    }

    public DruidViewModel viewModel() {
        return vm;
    }

    private Node header() {
        Label title = new Label("Druid");
        title.getStyleClass().addAll(Styles.TITLE_2, "page-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> datasource = new ComboBox<>(vm.datasources());
        datasource.setId("druidDatasource");
        datasource.setPromptText("datasource");
        datasource.valueProperty().bindBidirectional(vm.selectedDatasourceProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("druidRefresh");
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.refreshingProperty());
        Label summary = new Label();
        summary.setId("druidSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        HBox line = new HBox(10, title, datasource, refresh, spinner, summary);
        line.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("druidError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.lastErrorProperty());
        error.visibleProperty().bind(vm.lastErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(6, line, error);
        top.setPadding(new Insets(0, 0, 8, 0));
        return top;
    }

    private Node center() {
        segments.setId("druidSegments");
        segments.setItems(vm.timeline());
        segments.setPlaceholder(new Label("No segments (pick a datasource)"));
        segments.getColumns().setAll(
                column("Interval", r -> r.start() + " / " + r.end(), 300),
                column("Version", DruidTimelineRow::version, 190),
                column("Origin", DruidTimelineRow::origin, 80),
                column("State", DruidTimelineRow::state, 150),
                column("Parts", r -> Integer.toString(r.partitions()), 50),
                column("Rows", r -> String.format(Locale.ROOT, "%,d", r.rows()), 80),
                column("Size", r -> human(r.sizeBytes()), 80),
                column("Tiers", DruidTimelineRow::tiers, 120));
        segments.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                vm.selectedIntervalProperty().set(row);
            }
        });
        segments.setPrefHeight(220);
        segments.setMinHeight(150);

        Button reindex = new Button("Re-index interval…");
        reindex.setId("reindexButton");
        reindex.disableProperty().bind(vm.reindexAvailableProperty().not().or(vm.selectedIntervalProperty().isNull()));
        reindex.setOnAction(e -> vm.reindexConfirmation().ifPresent(this::confirm));
        StackPane reindexHolder = new StackPane(reindex); // a disabled button shows no tooltip; its holder does
        reindexHolder.setId("reindexHolder");
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(vm.reindexUnavailableReasonProperty());
        Tooltip.install(reindexHolder, reason);
        ProgressIndicator reindexing = new ProgressIndicator();
        reindexing.setPrefSize(16, 16);
        reindexing.visibleProperty().bind(vm.reindexRunningProperty());
        reindexing.managedProperty().bind(reindexing.visibleProperty());
        Label reindexProgress = new Label();
        reindexProgress.setId("reindexProgress");
        reindexProgress.setWrapText(true);
        reindexProgress.textProperty().bind(vm.reindexProgressProperty());
        Label selected = new Label();
        selected.setId("druidSelectedInterval");
        selected.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.selectedIntervalProperty().get() == null
                ? "No interval selected" : describe(vm.selectedIntervalProperty().get()), vm.selectedIntervalProperty()));
        HBox actions = new HBox(10, legend(), spacer(), selected, reindexHolder, reindexing, reindexProgress);
        actions.setAlignment(Pos.CENTER_LEFT);

        TableView<DruidSupervisorRow> supervisors = new TableView<>(vm.supervisors());
        supervisors.setId("druidSupervisors");
        supervisors.setPlaceholder(new Label("No supervisors"));
        supervisors.getColumns().setAll(
                column("Supervisor", DruidSupervisorRow::id, 140),
                column("State", r -> r.suspended() ? r.state() + " (suspended)" : r.state(), 120),
                column("Healthy", r -> r.healthy() ? "yes" : "no", 60),
                column("Lag", r -> r.lag() == null ? "-" : String.format(Locale.ROOT, "%,d", r.lag()), 80),
                column("Events/s", r -> r.eventsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.eventsPerSecond()), 70));
        TableView<DruidTaskRow> tasks = new TableView<>(vm.runningTasks());
        tasks.setId("druidTasks");
        tasks.setPlaceholder(new Label("No running tasks"));
        tasks.getColumns().setAll(
                column("Task", DruidTaskRow::id, 220),
                column("Type", DruidTaskRow::type, 100),
                column("Where", DruidTaskRow::location, 80));
        TableView<DruidReindexRunRow> runs = new TableView<>(vm.reindexRuns());
        runs.setId("druidRuns");
        runs.setPlaceholder(new Label("No re-index runs of this datasource (a druid-reindex job records them)"));
        runs.getColumns().setAll(
                column("Started", r -> r.startedAt().toString(), 170),
                column("Interval", r -> r.intervalStart() + " / " + r.intervalEnd(), 260),
                column("Result", DruidReindexRunRow::result, 80),
                column("Rows", r -> count(r.rows()), 70),
                column("Real-time", r -> count(r.realtimeEvents()), 80),
                column("Batch", r -> count(r.batchEvents()), 80),
                column("Batch − real-time", r -> r.eventDifference() == null ? "-"
                        : String.format(Locale.ROOT, "%+,d", r.eventDifference()), 110),
                column("Per chunk", DruidView::perChunk, 200),
                column("Tasks", r -> String.join(", ", r.taskIds()), 160),
                column("Error", r -> r.error() == null ? "" : r.error(), 240));

        NumberAxis seconds = new NumberAxis();
        seconds.setLabel("seconds ago");
        seconds.setForceZeroInRange(false);
        NumberAxis events = new NumberAxis();
        events.setLabel("events/s");
        LineChart<Number, Number> throughput = new LineChart<>(seconds, events);
        throughput.setId("druidThroughput");
        throughput.setTitle("Throughput: events/s from Kafka, rows/s of the last re-index");
        throughput.setAnimated(false);
        throughput.setCreateSymbols(false);
        throughput.setLegendVisible(true);
        rate.setName("events/s from Kafka");
        batchRate.setName("batch rows/s (last re-index)");
        throughput.getData().add(rate);
        throughput.getData().add(batchRate);
        throughput.setPrefHeight(200);

        supervisors.setPrefHeight(90);
        tasks.setPrefHeight(90);
        runs.setPrefHeight(70);
        VBox left = new VBox(6, section("Supervisors"), supervisors, section("Running tasks"), tasks, section("Re-index runs"), runs);
        HBox bottom = new HBox(10, left, throughput);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(throughput, Priority.ALWAYS);
        left.setPrefWidth(560);

        bottom.setMinHeight(300);
        VBox center = new VBox(6, section("Segment timeline"), chart, actions, segments, bottom);
        VBox.setVgrow(segments, Priority.ALWAYS);
        return center;
    }

    private void plotThroughput() {
        var samples = vm.throughput();
        if (samples.isEmpty()) {
            rate.getData().clear();
            return;
        }
        long last = samples.get(samples.size() - 1).at().toEpochMilli();
        rate.getData().setAll(samples.stream()
                .map(s -> new XYChart.Data<Number, Number>((s.at().toEpochMilli() - last) / 1000.0, s.eventsPerSecond()))
                .toList());
        Double batch = vm.batchRowsPerSecondProperty().get();
        if (batch == null) {
            batchRate.getData().clear();
        } else {
            // The last run's rate as a level line across the window: runs are hours apart, so there is no series to draw.
            double first = (samples.get(0).at().toEpochMilli() - last) / 1000.0;
            batchRate.getData().setAll(List.of(new XYChart.Data<>(first, batch), new XYChart.Data<>(0, batch)));
        }
    }

    private void confirm(String whatWillHappen) {
        ButtonType go = new ButtonType("Re-index", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, cancel);
        alert.setTitle("Re-index an interval");
        alert.setHeaderText("Re-index this interval from the raw files?");
        TextArea what = new TextArea(whatWillHappen);
        what.setId("reindex-what");
        what.setWrapText(true);
        what.setEditable(false);
        what.setPrefRowCount(6);
        what.setPrefColumnCount(60);
        alert.getDialogPane().setContent(what);
        alert.getDialogPane().setId("reindex-confirmation");
        alert.getDialogPane().lookupButton(go).setId("confirm-reindex");
        alert.getDialogPane().lookupButton(cancel).setId("cancel-reindex");
        if (getScene() != null && getScene().getWindow() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setOnHidden(e -> {
            confirmation = null;
            if (alert.getResult() == go) {
                vm.reindexSelectedInterval();
            }
        });
        confirmation = alert;
        alert.show();
    }

    /** The confirmation dialog while it is shown, for tests. */
    Optional<Alert> confirmation() {
        return Optional.ofNullable(confirmation);
    }

    private static String count(Long n) {
        return n == null ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String perChunk(DruidReindexRunRow run) {
        return run.chunks().stream().map(c -> String.format(Locale.ROOT, "%02d:00 %s", c.start().atZone(java.time.ZoneOffset.UTC).getHour(),
                c.difference() == null ? "-" : String.format(Locale.ROOT, "%+,d", c.difference())))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String describe(DruidTimelineRow row) {
        return "Selected " + row.start() + " / " + row.end() + " (" + row.origin() + ", " + row.state() + ")";
    }

    private static Node legend() {
        return new HBox(10, swatch("batch", SegmentTimelineChart.BATCH), swatch("real-time", SegmentTimelineChart.REALTIME),
                swatch("unknown", SegmentTimelineChart.UNKNOWN), swatch("overshadowed (faded, dashed)",
                        SegmentTimelineChart.UNKNOWN.deriveColor(0, 0.4, 1.2, 0.45)));
    }

    private static Node swatch(String text, Color colour) {
        Rectangle box = new Rectangle(12, 12, colour);
        Label label = new Label(text, box);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KiB", kb) : String.format(Locale.ROOT, "%.1f MiB", kb / 1024);
    }
}
