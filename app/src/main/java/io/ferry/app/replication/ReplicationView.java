package io.ferry.app.replication;

import atlantafx.base.theme.Styles;
import io.ferry.client.ReplicationJobStatus;
import io.ferry.client.ReplicationSample;
import io.ferry.client.ReplicationTableStatus;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Replication page: per job, live charts of rows/s (in, out) and of lag (source, apply) over the last 5 minutes
 * or hour, the job's figures and last error, start/stop, and its tables with reload. All state is in
 * {@link ReplicationViewModel}; the charts redraw when its samples change.
 */
public final class ReplicationView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Color IN = Color.web("#0969da");
    private static final Color OUT = Color.web("#1a7f37");
    private static final Color SOURCE_LAG = Color.web("#bf8700");
    private static final Color APPLY_LAG = Color.web("#8250df");

    private final ReplicationViewModel vm;
    private final ZoneId zone;
    private final VBox root = new VBox(10);
    private final LiveChart rowsChart = new LiveChart("Rows/s", LiveChart::rate);
    private final LiveChart lagChart = new LiveChart("Lag", LiveChart::seconds);
    private final TableView<ReplicationTableStatus> table = new TableView<>();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private long maxUpdateNanos;
    private long maxUpdateCpuNanos;
    private int slowUpdates;
    private int updates;

    public ReplicationView(ReplicationViewModel vm) {
        this(vm, ZoneId.systemDefault());
    }

    public ReplicationView(ReplicationViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        root.setId("page-replication");
        root.setPadding(new Insets(20));
        rowsChart.setId("chart-rows");
        lagChart.setId("chart-lag");
        HBox charts = new HBox(12, rowsChart, lagChart);
        HBox.setHgrow(rowsChart, Priority.ALWAYS);
        HBox.setHgrow(lagChart, Priority.ALWAYS);
        charts.setMinHeight(180);
        charts.setPrefHeight(330);
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header(), figures(), errorLine(), charts, tableHeader(), table, messageLine());
        vm.samplesProperty().addListener((obs, old, now) -> redraw());
        vm.windowProperty().addListener((obs, old, now) -> redraw());
    }

    public Node root() {
        return root;
    }

    public ReplicationViewModel viewModel() {
        return vm;
    }

    private Node header() {
        Label title = new Label("Replication");
        title.getStyleClass().addAll(Styles.TITLE_2, "page-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<String> jobs = new ComboBox<>();
        jobs.setId("replication-job");
        jobs.setPromptText("No job");
        vm.jobs().addListener((javafx.collections.ListChangeListener<ReplicationJobStatus>) c -> {
            List<String> names = vm.jobs().stream().map(ReplicationJobStatus::name).toList();
            if (!names.equals(jobs.getItems())) {
                jobs.getItems().setAll(names);
            }
            jobs.setValue(vm.selectedJobProperty().get());
        });
        jobs.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(vm.selectedJobProperty().get())) {
                vm.selectedJobProperty().set(now);
            }
        });
        vm.selectedJobProperty().addListener((obs, old, now) -> jobs.setValue(now));

        Label state = new Label();
        state.setId("replication-state");
        state.getStyleClass().add("job-state");
        vm.statusProperty().addListener((obs, old, now) -> {
            state.setText(now == null ? "" : now.state());
            state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
            if (now != null) {
                state.getStyleClass().add(switch (now.state()) {
                    case "STREAMING" -> Styles.SUCCESS;
                    case "FAILED" -> Styles.DANGER;
                    case "RETRYING", "STOPPED" -> Styles.WARNING;
                    default -> Styles.ACCENT;
                });
            }
        });

        ToggleGroup windows = new ToggleGroup();
        ToggleButton five = new ToggleButton(ChartWindow.FIVE_MINUTES.label());
        five.setId("window-5m");
        ToggleButton hour = new ToggleButton(ChartWindow.ONE_HOUR.label());
        hour.setId("window-1h");
        five.setToggleGroup(windows);
        hour.setToggleGroup(windows);
        five.getStyleClass().add(Styles.LEFT_PILL);
        hour.getStyleClass().add(Styles.RIGHT_PILL);
        (vm.windowProperty().get() == ChartWindow.ONE_HOUR ? hour : five).setSelected(true);
        windows.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one window is always shown
            } else {
                vm.windowProperty().set(now == hour ? ChartWindow.ONE_HOUR : ChartWindow.FIVE_MINUTES);
            }
        });
        HBox toggle = new HBox(five, hour);

        Button start = new Button("Start");
        start.setId("replication-start");
        start.setOnAction(e -> vm.startJob());
        Button stop = new Button("Stop");
        stop.setId("replication-stop");
        stop.setOnAction(e -> vm.stopJob());
        Runnable enable = () -> {
            ReplicationJobStatus s = vm.statusProperty().get();
            boolean busy = vm.busyProperty().get();
            start.setDisable(busy || s == null || s.running());
            stop.setDisable(busy || s == null || !s.running());
        };
        vm.statusProperty().addListener((obs, old, now) -> enable.run());
        vm.busyProperty().addListener((obs, old, now) -> enable.run());
        enable.run();

        Label route = new Label();
        route.setId("replication-route");
        route.getStyleClass().add(Styles.TEXT_MUTED);
        vm.statusProperty().addListener((obs, old, now) -> route.setText(now == null ? ""
                : now.source() + " → " + now.target() + ", " + now.tables()));

        // the route is the one part that gives way (with an ellipsis) when the window is narrow
        route.setMinWidth(0);
        route.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(route, Priority.ALWAYS);
        for (javafx.scene.control.Control fixed : List.of(jobs, state, five, hour, start, stop)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(12, title, jobs, state, route, toggle, start, stop);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node figures() {
        Label figures = new Label();
        figures.setId("replication-figures");
        figures.getStyleClass().add(Styles.TEXT_MUTED);
        figures.setWrapText(true);
        vm.statusProperty().addListener((obs, old, now) -> figures.setText(now == null
                ? "No replication job yet: jobs come from jobs: in ferry.yaml (see docs/replication.md), or from the sandbox once it is up."
                : describe(now)));
        figures.setText("Waiting for the engine…");
        return figures;
    }

    static String describe(ReplicationJobStatus s) {
        return String.format(Locale.ROOT, "in %,.0f rows/s  ·  out %,.0f rows/s  ·  source lag %s  ·  "
                        + "apply lag %s  ·  backlog %,d txns (%,d rows)  ·  %,d batches",
                s.rowsInPerSecond(), s.rowsOutPerSecond(),
                sourceLag(s.sourceLagSeconds(), s.sourceLagBytes()), millis(s.applyLagMillis()),
                s.backlogTransactions(), s.backlogRows(), s.batches())
                + (s.purgeHorizon() == null ? "" : "  ·  " + s.purgeHorizon());
    }

    private static String sourceLag(long seconds, long bytes) {
        String time = seconds < 0 ? "?" : seconds + " s";
        return bytes < 0 ? time : String.format(Locale.ROOT, "%s (%,d bytes)", time, bytes);
    }

    private static String millis(long ms) {
        return ms < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private Node errorLine() {
        Label error = new Label();
        error.setId("replication-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String job = vm.lastErrorProperty().get();
            String poll = vm.pollErrorProperty().get();
            return !poll.isEmpty() ? "The engine did not answer: " + poll : job.isEmpty() ? "" : "Last error: " + job;
        }, vm.lastErrorProperty(), vm.pollErrorProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node messageLine() {
        Label message = new Label();
        message.setId("replication-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        return message;
    }

    private Node tableHeader() {
        Label tables = new Label("Tables");
        tables.getStyleClass().add(Styles.TITLE_4);
        Button reload = new Button("Reload table");
        reload.setId("replication-reload");
        reload.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        reload.setOnAction(e -> {
            ReplicationTableStatus row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                vm.reloadTable(row.table());
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(12, tables, gap, reload);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void buildTable() {
        table.setId("replication-tables");
        table.setItems(vm.tables());
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No tables yet: they appear once the job has started."));
        table.getColumns().add(column("Table", ReplicationTableStatus::table, 170));
        table.getColumns().add(column("State", ReplicationView::state, 170));
        table.getColumns().add(column("Loaded", t -> String.format(Locale.ROOT, "%,d", t.rowsLoaded()), 90));
        table.getColumns().add(column("Applied", t -> String.format(Locale.ROOT, "%,d", t.changesApplied()), 90));
        table.getColumns().add(column("In /s", t -> String.format(Locale.ROOT, "%,.0f", t.rowsInPerSecond()), 70));
        table.getColumns().add(column("Out /s", t -> String.format(Locale.ROOT, "%,.0f", t.rowsOutPerSecond()), 70));
        table.getColumns().add(column("Last change", t -> t.lastChange() == null ? "-"
                : TIME.format(t.lastChange().atZone(zone)), 110));
        table.getColumns().add(column("Lag", t -> millis(t.lagMillis()), 80));
    }

    /** "Loading 42 % · 12 s left" while loading, "Suspended: reason" when suspended, the state otherwise, in words. */
    static String state(ReplicationTableStatus t) {
        String word = t.state().charAt(0) + t.state().substring(1).toLowerCase(Locale.ROOT);
        if (t.suspendedBecause() != null) {
            return word + ": " + t.suspendedBecause();
        }
        String eta = t.etaSeconds() >= 0 ? " · " + t.etaSeconds() + " s left" : "";
        return t.loadPercent() >= 0 ? word + " " + t.loadPercent() + " %" + eta : word;
    }

    private static TableColumn<ReplicationTableStatus, String> column(String title,
                                                                     Function<ReplicationTableStatus, String> value,
                                                                     double width) {
        TableColumn<ReplicationTableStatus, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void redraw() {
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        List<ReplicationSample> samples = vm.samplesProperty().get();
        int n = samples.size();
        long[] times = new long[n];
        double[] in = new double[n];
        double[] out = new double[n];
        double[] sourceLag = new double[n];
        double[] applyLag = new double[n];
        for (int i = 0; i < n; i++) {
            ReplicationSample s = samples.get(i);
            times[i] = s.time().toEpochMilli();
            in[i] = s.rowsInPerSecond();
            out[i] = s.rowsOutPerSecond();
            sourceLag[i] = s.sourceLagSeconds() < 0 ? Double.NaN : s.sourceLagSeconds();
            applyLag[i] = s.applyLagMillis() < 0 ? Double.NaN : s.applyLagMillis() / 1000.0;
        }
        long to = n == 0 ? System.currentTimeMillis() : times[n - 1];
        long from = to - vm.windowProperty().get().span().toMillis();
        rowsChart.show(times, n, List.of(new LiveChart.Series("in (read)", IN, in),
                new LiveChart.Series("out (applied)", OUT, out)), from, to);
        lagChart.show(times, n, List.of(new LiveChart.Series("source", SOURCE_LAG, sourceLag),
                new LiveChart.Series("apply", APPLY_LAG, applyLag)), from, to);
        long wall = System.nanoTime() - t0;
        maxUpdateNanos = Math.max(maxUpdateNanos, wall);
        maxUpdateCpuNanos = Math.max(maxUpdateCpuNanos, THREADS.getCurrentThreadCpuTime() - cpu0);
        slowUpdates += wall > 50_000_000L ? 1 : 0;
        updates++;
    }

    /** The longest chart update so far (both charts), in nanoseconds, for the pulse measurement. */
    long maxUpdateNanos() {
        return maxUpdateNanos;
    }

    /** The most CPU time one chart update took on the FX thread (what other processes take is not in it). */
    long maxUpdateCpuNanos() {
        return maxUpdateCpuNanos;
    }

    /** Chart updates that took more than 50 ms of wall time. */
    int slowUpdates() {
        return slowUpdates;
    }

    int updates() {
        return updates;
    }

    LiveChart rowsChart() {
        return rowsChart;
    }

    /** Builds the page and starts polling; polling stops when the page leaves the scene. */
    public static Node create(io.ferry.client.EngineClient client, io.ferry.app.task.TaskExecutor tasks) {
        ReplicationViewModel vm = new ReplicationViewModel(client, tasks, javafx.application.Platform::runLater,
                ReplicationViewModel.DEFAULT_POLL_PERIOD);
        ReplicationView view = new ReplicationView(vm);
        view.root.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                vm.stop();
            } else {
                vm.start();
            }
        });
        return view.root;
    }
}
