package io.ferry.app.genlog;

import atlantafx.base.theme.Styles;
import io.ferry.app.shell.ConsoleContext;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestLine;
import io.ferry.client.genlog.GenlogFigure;
import io.ferry.client.genlog.LogEntry;
import io.ferry.client.genlog.RotationPlan;
import io.ferry.client.genlog.RotationRecord;
import io.ferry.client.genlog.ScheduleEvery;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The General log page: connection picker and "Rotate now" on top; the status figures (each tagged exact or
 * estimate) beside the size/growth chart with RDS's threshold; below, tabs for the history, the schedule editor,
 * and the log browser with its digest. Built in code; all state lives in {@link GenlogViewModel}.
 */
public final class GenlogView extends VBox {
    private final GenlogViewModel vm;
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis sizeAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(timeAxis, sizeAxis);
    private final GridPane figureGrid = new GridPane();
    private final TabPane results = new TabPane();
    private Function<String, Optional<Path>> askSaveFile = this::chooseSaveFile;
    private Alert confirmation;

    public GenlogView(GenlogViewModel vm) {
        super(8);
        this.vm = vm;
        setId("page-general-log");
        setPadding(new Insets(12, 16, 12, 16));
        Node lower = tabs();
        VBox.setVgrow(lower, Priority.ALWAYS);
        getChildren().addAll(header(), messages(), overview(), lower);
        vm.pendingRotationProperty().addListener((obs, old, plan) -> {
            if (plan != null) {
                confirm(plan);
            }
        });
    }

    /**
     * The page as the console builds it: follows the configured connections, and reads the status periodically
     * while it is shown (on a CSV log table each read makes the server scan the rows newer than the last count).
     */
    public static Node create(ConsoleContext context) {
        GenlogViewModel vm = new GenlogViewModel(context.client(), context.tasks());
        GenlogView view = new GenlogView(vm);
        vm.follow(context.connections().rows());
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                vm.stopAutoRefresh();
            } else {
                vm.startAutoRefresh();
            }
        });
        return view;
    }

    public GenlogViewModel viewModel() {
        return vm;
    }

    /** Replaces the save dialog (tests: no native file dialog under Monocle). */
    void askSaveFileWith(Function<String, Optional<Path>> asker) {
        this.askSaveFile = asker;
    }

    // ---- top: title, connection, rotate

    private Node header() {
        Label title = new Label("General log");
        title.getStyleClass().addAll(Styles.TITLE_2, "page-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<String> connection = new ComboBox<>(vm.connections());
        connection.setId("genlog-connection");
        connection.setPromptText("mysql connection");
        connection.valueProperty().bindBidirectional(vm.connectionProperty());

        Label heading = new Label();
        heading.setId("genlog-heading");
        heading.getStyleClass().add(Styles.TEXT_MUTED);
        heading.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get() == null
                ? (vm.connections().isEmpty() ? "no mysql connection (yet): add one to ferry.yaml, or wait for the sandbox" : "")
                : vm.statusProperty().get().heading(), vm.statusProperty(), vm.connections()));
        heading.setMinWidth(0);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.loadingStatusProperty().or(vm.rotatingProperty()).or(vm.browsingProperty()));

        Button refresh = new Button("Refresh");
        refresh.setId("genlog-refresh");
        refresh.setOnAction(e -> vm.refreshAll());
        refresh.disableProperty().bind(vm.connectionProperty().isNull());

        Button rotate = new Button("Rotate now…");
        rotate.setId("genlog-rotate");
        rotate.getStyleClass().add(Styles.ACCENT);
        rotate.setOnAction(e -> vm.requestRotation());
        rotate.disableProperty().bind(vm.canRotateProperty().not());
        rotate.setTooltip(new Tooltip("Shows what will happen and asks before anything changes"));

        connection.setMinWidth(Region.USE_PREF_SIZE);
        connection.setPrefWidth(200);
        for (Button b : List.of(refresh, rotate)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(10, title, connection, spacer(), spinner, refresh, rotate);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, heading);
    }

    private Node messages() {
        Label error = line("genlog-error", Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        Label problem = line("genlog-problem", Styles.WARNING);
        problem.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get() == null ? ""
                : vm.statusProperty().get().problem().orElse(""), vm.statusProperty()));
        Label notice = line("genlog-notice", Styles.SUCCESS);
        notice.textProperty().bind(vm.noticeProperty());

        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(14, 14);
        Label progress = new Label();
        progress.setId("genlog-rotation-progress");
        progress.textProperty().bind(vm.rotationProgressProperty());
        HBox rotation = new HBox(6, working, progress);
        rotation.setAlignment(Pos.CENTER_LEFT);
        rotation.visibleProperty().bind(vm.rotationProgressProperty().isNotEmpty());
        rotation.managedProperty().bind(rotation.visibleProperty());
        return new VBox(2, error, problem, notice, rotation);
    }

    private static Label line(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    // ---- middle: figures and chart

    private Node overview() {
        figureGrid.setId("genlog-figures");
        figureGrid.setHgap(8);
        figureGrid.setVgap(3);
        ColumnConstraints name = new ColumnConstraints(132);
        ColumnConstraints value = new ColumnConstraints(110, 265, 290);
        ColumnConstraints tag = new ColumnConstraints(70);
        ColumnConstraints note = new ColumnConstraints(60, 100, Double.MAX_VALUE);
        note.setHgrow(Priority.ALWAYS);
        figureGrid.getColumnConstraints().addAll(name, value, tag, note);
        vm.figures().addListener((ListChangeListener<GenlogFigure>) c -> fillFigures(vm.figures()));
        fillFigures(vm.figures());

        Label cost = new Label();
        cost.setId("genlog-cost-note");
        cost.setWrapText(true);
        cost.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        cost.textProperty().bind(Bindings.createStringBinding(() -> vm.statusProperty().get() == null ? ""
                : "Cost: " + vm.statusProperty().get().costNote(), vm.statusProperty()));
        VBox status = new VBox(6, figureGrid, cost, rdsStorage());
        status.setPrefWidth(590);
        status.setMinWidth(590);

        HBox row = new HBox(14, status, growth());
        HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        row.setMinHeight(Region.USE_PREF_SIZE);
        return row;
    }

    private void fillFigures(List<GenlogFigure> figures) {
        figureGrid.getChildren().clear();
        if (figures.isEmpty()) {
            Label none = new Label(vm.connectionProperty().get() == null ? "Choose a mysql connection." : "Reading the status…");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            figureGrid.add(none, 0, 0, 4, 1);
            return;
        }
        int row = 0;
        for (GenlogFigure f : figures) {
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label value = new Label(f.value());
            value.setId("figure-" + f.name().replace(' ', '-').replace('_', '-'));
            value.setMinWidth(0);
            value.setTooltip(new Tooltip(f.value()));
            Label note = new Label(f.note());
            note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            note.setMinWidth(0);
            if (!f.note().isEmpty()) {
                note.setTooltip(new Tooltip(f.note()));
            }
            if (f.accuracy() == GenlogFigure.Accuracy.SETTING && f.note().isEmpty()) {
                figureGrid.add(name, 0, row);
                value.setWrapText(true); // a long setting (the rotation flavour) takes the whole line
                figureGrid.add(value, 1, row++, 3, 1);
            } else {
                figureGrid.addRow(row++, name, value, tag(f.accuracy()), note);
            }
        }
    }

    private static Node tag(GenlogFigure.Accuracy accuracy) {
        if (accuracy == GenlogFigure.Accuracy.SETTING) {
            return new Region();
        }
        Label tag = new Label(accuracy == GenlogFigure.Accuracy.EXACT ? "exact" : "estimate");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        tag.getStyleClass().addAll("accuracy-tag", accuracy == GenlogFigure.Accuracy.EXACT ? "accuracy-exact" : "accuracy-estimate");
        return tag;
    }

    private Node growth() {
        chart.setId("genlog-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCreateSymbols(true);
        chart.setMinHeight(200);
        chart.setPrefHeight(250);
        timeAxis.setForceZeroInRange(false);
        timeAxis.setAutoRanging(true);
        timeAxis.setLabel("UTC");
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number ms) {
                return GenlogFormat.tick(Instant.ofEpochMilli(ms.longValue()),
                        (long) (timeAxis.getUpperBound() - timeAxis.getLowerBound()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        sizeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return vm.chartMeasureProperty().get() == GrowthChartData.Measure.BYTES ? GenlogFormat.bytes(n.doubleValue())
                        : GenlogFormat.count(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        vm.chartProperty().addListener((obs, old, data) -> draw(data));
        draw(vm.chartProperty().get());

        ToggleGroup measure = new ToggleGroup();
        ToggleButton rows = new ToggleButton("Rows");
        rows.setId("chart-rows");
        ToggleButton bytes = new ToggleButton("Bytes");
        bytes.setId("chart-bytes");
        rows.setToggleGroup(measure);
        bytes.setToggleGroup(measure);
        rows.getStyleClass().add(Styles.LEFT_PILL);
        bytes.getStyleClass().add(Styles.RIGHT_PILL);
        (vm.chartMeasureProperty().get() == GrowthChartData.Measure.ROWS ? rows : bytes).setSelected(true);
        measure.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.chartMeasureProperty().set(now == bytes ? GrowthChartData.Measure.BYTES : GrowthChartData.Measure.ROWS);
            }
        });

        Label chartTitle = new Label("Size and growth");
        chartTitle.getStyleClass().add(Styles.TEXT_BOLD);
        rows.setMinWidth(Region.USE_PREF_SIZE);
        bytes.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(6, chartTitle, spacer(), rows, bytes);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label caption = new Label();
        caption.setId("genlog-chart-caption");
        caption.setWrapText(true);
        caption.getStyleClass().add(Styles.TEXT_SMALL);
        caption.textProperty().bind(Bindings.createStringBinding(() -> vm.chartProperty().get().caption(), vm.chartProperty()));
        VBox box = new VBox(4, controls, chart, caption);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    /** RDS's own rotation threshold depends on the instance's allocated storage: typed here, it draws the line. */
    private Node rdsStorage() {
        TextField storage = new TextField();
        storage.setId("allocated-storage");
        storage.setPromptText("GB");
        storage.setPrefColumnCount(4);
        storage.textProperty().bindBidirectional(vm.allocatedStorageGbProperty());
        storage.setOnAction(e -> vm.refreshStatus());
        TextField used = new TextField();
        used.setId("storage-used");
        used.setPrefColumnCount(3);
        used.textProperty().bindBidirectional(vm.storageUsedPercentProperty());
        used.setOnAction(e -> vm.refreshStatus());
        Button apply = new Button("Apply");
        apply.setOnAction(e -> vm.refreshStatus());
        Label storageLabel = new Label("RDS allocated storage");
        Label usedLabel = new Label("GB, storage used");
        Label percent = new Label("%");
        for (javafx.scene.control.Control c : List.of(apply, storageLabel, usedLabel, percent)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        storage.setMinWidth(70);
        used.setMinWidth(50);
        HBox rds = new HBox(6, storageLabel, storage, usedLabel, used, percent, apply);
        rds.setAlignment(Pos.CENTER_LEFT);
        rds.setPadding(new Insets(6, 0, 0, 0));
        return rds;
    }

    private void draw(GrowthChartData data) {
        chart.getData().clear();
        String unit = vm.chartMeasureProperty().get() == GrowthChartData.Measure.BYTES ? "bytes" : "rows";
        XYChart.Series<Number, Number> samples = new XYChart.Series<>();
        samples.setName(unit + " (Ferry's samples)");
        data.points().forEach(p -> samples.getData().add(new XYChart.Data<>(p.x(), p.y())));
        chart.getData().add(samples);
        if (!data.projection().isEmpty()) {
            XYChart.Series<Number, Number> projection = new XYChart.Series<>();
            GrowthChartData.Point end = data.projection().get(data.projection().size() - 1);
            projection.setName("projected: reached " + GenlogFormat.day(Instant.ofEpochMilli(end.x())));
            data.projection().forEach(p -> projection.getData().add(new XYChart.Data<>(p.x(), p.y())));
            chart.getData().add(projection);
        }
        data.threshold().ifPresent(limit -> {
            long first = data.points().isEmpty() ? System.currentTimeMillis() : data.points().get(0).x();
            long last = data.projection().isEmpty()
                    ? (data.points().isEmpty() ? first + 60_000 : data.points().get(data.points().size() - 1).x())
                    : data.projection().get(data.projection().size() - 1).x();
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName("RDS rotates at " + (unit.equals("bytes") ? GenlogFormat.bytes(limit) : GenlogFormat.count(Math.round(limit)) + " rows"));
            line.getData().add(new XYChart.Data<>(first, limit));
            line.getData().add(new XYChart.Data<>(Math.max(last, first + 60_000), limit));
            chart.getData().add(line);
        });
    }

    // ---- bottom: history, schedule, browser

    private Node tabs() {
        Tab history = new Tab("History", historyTable());
        Tab schedule = new Tab("Schedule", scheduleEditor());
        Tab browser = new Tab("Log browser", browser());
        for (Tab t : List.of(history, schedule, browser)) {
            t.setClosable(false);
        }
        history.setId("tab-history");
        schedule.setId("tab-schedule");
        browser.setId("tab-browser");
        TabPane tabs = new TabPane(history, schedule, browser);
        tabs.setId("genlog-tabs");
        tabs.setMinHeight(180);
        return tabs;
    }

    private Node historyTable() {
        TableView<RotationRecord> table = new TableView<>(vm.history());
        table.setId("genlog-history");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No rotation yet."));
        table.getColumns().add(column("Started (UTC)", r -> GenlogFormat.minute(r.startedAt()).replace(" UTC", ""), 125));
        table.getColumns().add(column("Flavour", r -> r.flavour().startsWith("RDS") ? "RDS" : "self-managed", 95));
        table.getColumns().add(column("Triggered by", RotationRecord::triggeredBy, 140));
        table.getColumns().add(numberColumn("Rows rotated", RotationRecord::rowsRotated));
        table.getColumns().add(numberColumn("Rows archived", RotationRecord::rowsArchived));
        table.getColumns().add(column("Result", RotationRecord::status, 90));
        table.getColumns().add(column("Archive", r -> r.archivePath().orElse(r.detail()), 300));
        return table;
    }

    private Node scheduleEditor() {
        Label state = new Label();
        state.setId("genlog-schedule-text");
        state.setWrapText(true);
        state.textProperty().bind(vm.scheduleTextProperty());

        Spinner<Integer> amount = new Spinner<>(1, 10_000, vm.scheduleAmountProperty().get());
        amount.setId("schedule-amount");
        amount.setEditable(true);
        amount.setPrefWidth(90);
        amount.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.scheduleAmountProperty().set(now);
            }
        });
        vm.scheduleAmountProperty().addListener((obs, old, now) -> amount.getValueFactory().setValue(now.intValue()));
        ChoiceBox<ScheduleEvery.Unit> unit = new ChoiceBox<>();
        unit.setId("schedule-unit");
        unit.getItems().setAll(ScheduleEvery.Unit.values());
        unit.valueProperty().bindBidirectional(vm.scheduleUnitProperty());
        unit.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScheduleEvery.Unit u) {
                return u == null ? "" : u.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public ScheduleEvery.Unit fromString(String s) {
                return ScheduleEvery.Unit.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        Button install = new Button();
        install.setId("schedule-install");
        install.textProperty().bind(Bindings.createStringBinding(() -> vm.scheduleProperty().get() != null
                && vm.scheduleProperty().get().event().isPresent() ? "Change schedule" : "Install schedule", vm.scheduleProperty()));
        install.setOnAction(e -> vm.installSchedule());
        install.disableProperty().bind(vm.schedulingBusyProperty().or(vm.connectionProperty().isNull()));
        Button remove = new Button("Remove");
        remove.setId("schedule-remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> vm.removeSchedule());
        remove.disableProperty().bind(vm.schedulingBusyProperty().or(Bindings.createBooleanBinding(() ->
                vm.scheduleProperty().get() == null || vm.scheduleProperty().get().event().isEmpty(), vm.scheduleProperty())));
        HBox editor = new HBox(8, new Label("Rotate every"), amount, unit, install, remove);
        editor.setAlignment(Pos.CENTER_LEFT);
        Label about = new Label("The event lives in ferry_admin (not in mysql), runs as its definer, and needs event_scheduler=ON."
                + " On a self-managed server it rotates into dated tables that Ferry archives (the next rotation, or"
                + " ferry genlog catch-up); on RDS it calls mysql.rds_rotate_general_log.");
        about.setWrapText(true);
        about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(10, state, editor, about);
        box.setPadding(new Insets(10));
        return box;
    }

    private Node browser() {
        ComboBox<String> source = new ComboBox<>(vm.sources());
        source.setId("browser-source");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setPrefWidth(230);
        TextField from = field("browser-from", "from (UTC) 2026-11-28", vm.fromProperty(), 11);
        TextField to = field("browser-to", "to (UTC)", vm.toProperty(), 9);
        TextField userHost = field("browser-user-host", "user/host", vm.userHostProperty(), 8);
        ComboBox<String> command = new ComboBox<>();
        command.setId("browser-command");
        command.setEditable(true);
        command.setPromptText("command");
        command.getItems().setAll("", "Query", "Connect", "Quit", "Init DB", "Execute", "Prepare", "Close stmt");
        command.valueProperty().bindBidirectional(vm.commandTypeProperty());
        command.setPrefWidth(110);
        TextField text = field("browser-text", "text contains", vm.textProperty(), 10);
        HBox filters = new HBox(6, source, from, to, userHost, command, text);
        filters.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> limit = new Spinner<>(1, 100_000, vm.limitProperty().get(), 50);
        limit.setId("browser-limit");
        limit.setEditable(true);
        limit.setPrefWidth(95);
        limit.valueProperty().addListener((obs, old, now) -> vm.limitProperty().set(now));
        Button search = new Button("Search");
        search.setId("browser-search");
        search.setDefaultButton(false);
        search.setOnAction(e -> {
            results.getSelectionModel().select(0);
            vm.search();
        });
        ChoiceBox<DigestGrouping> by = new ChoiceBox<>();
        by.setId("digest-by");
        by.getItems().setAll(DigestGrouping.values());
        by.valueProperty().bindBidirectional(vm.groupingProperty());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(DigestGrouping g) {
                return g == null ? "" : "by " + g.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public DigestGrouping fromString(String s) {
                return DigestGrouping.valueOf(s.substring(3).toUpperCase(java.util.Locale.ROOT));
            }
        });
        Spinner<Integer> top = new Spinner<>(1, 10_000, vm.topProperty().get(), 10);
        top.setId("digest-top");
        top.setEditable(true);
        top.setPrefWidth(85);
        top.valueProperty().addListener((obs, old, now) -> vm.topProperty().set(now));
        Button digest = new Button("Digest");
        digest.setId("browser-digest");
        digest.setOnAction(e -> {
            results.getSelectionModel().select(1);
            vm.digest();
        });
        Button export = new Button("Export CSV…");
        export.setId("browser-export");
        export.setOnAction(e -> exportCsv());
        for (Button b : List.of(search, digest, export)) {
            b.disableProperty().bind(vm.browsingProperty().or(vm.connectionProperty().isNull()));
        }
        Label summary = new Label();
        summary.setId("browser-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setMinWidth(0);
        summary.textProperty().bind(Bindings.createStringBinding(() -> results.getSelectionModel().getSelectedIndex() == 1
                        ? vm.digestSummaryProperty().get() : vm.searchSummaryProperty().get(),
                vm.searchSummaryProperty(), vm.digestSummaryProperty(), results.getSelectionModel().selectedIndexProperty()));
        HBox actions = new HBox(6, new Label("limit"), limit, search, new Separator(), by, new Label("top"), top, digest,
                export, summary);
        actions.setAlignment(Pos.CENTER_LEFT);

        Tab rows = new Tab("Rows", searchTable());
        Tab groups = new Tab("Digest", digestTable());
        rows.setClosable(false);
        groups.setClosable(false);
        rows.setId("tab-rows");
        groups.setId("tab-digest");
        results.getTabs().setAll(rows, groups);
        results.setId("browser-results");
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox box = new VBox(6, filters, actions, results);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** A thin vertical gap between the search and the digest controls. */
    private static final class Separator extends Region {
        Separator() {
            setPrefWidth(10);
        }
    }

    private Node searchTable() {
        TableView<LogEntry> table = new TableView<>(vm.searchResults());
        table.setId("browser-rows");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Search the live table or an archive: set filters, then Search."));
        table.getColumns().add(column("event_time (UTC)", LogEntry::eventTime, 175));
        table.getColumns().add(column("user_host", LogEntry::userHost, 190));
        table.getColumns().add(numberColumn("thread", LogEntry::threadId));
        table.getColumns().add(column("command", LogEntry::commandType, 80));
        table.getColumns().add(column("argument", e -> e.argument().replace('\n', ' '), 400));
        return table;
    }

    private Node digestTable() {
        TableView<DigestLine> table = new TableView<>(vm.digestResults());
        table.setId("browser-digest-table");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Group the matching rows by fingerprint, user, host or database: Digest."));
        table.getColumns().add(column("group", DigestLine::key, 330));
        table.getColumns().add(numberColumn("count", DigestLine::count));
        table.getColumns().add(column("first seen", DigestLine::firstSeen, 150));
        table.getColumns().add(column("last seen", DigestLine::lastSeen, 150));
        table.getColumns().add(column("top users", DigestLine::topUsers, 120));
        table.getColumns().add(column("top hosts", DigestLine::topHosts, 120));
        table.getColumns().add(column("example", l -> l.example().replace('\n', ' '), 250));
        return table;
    }

    private void exportCsv() {
        boolean digest = results.getSelectionModel().getSelectedIndex() == 1;
        askSaveFile.apply(digest ? "genlog-digest.csv" : "genlog-rows.csv").ifPresent(file -> {
            if (digest) {
                vm.exportDigestCsv(file);
            } else {
                vm.exportSearchCsv(file);
            }
        });
    }

    private Optional<Path> chooseSaveFile(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        Window window = getScene() == null ? null : getScene().getWindow();
        File file = chooser.showSaveDialog(window);
        return Optional.ofNullable(file).map(File::toPath);
    }

    // ---- the confirmation

    private void confirm(RotationPlan plan) {
        ButtonType rotate = new ButtonType("Rotate now", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", rotate, cancel);
        alert.setTitle("Rotate the general log");
        alert.setHeaderText("Rotate mysql.general_log of " + plan.connection() + " now?");
        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(4);
        facts.addRow(0, bold("Flavour"), new Label(plan.flavour()));
        facts.addRow(1, bold("Rows to move"), new Label(GenlogFormat.count(plan.rowsToMove()) + " (and those logged meanwhile)"));
        facts.addRow(2, bold("Archive goes to"), new Label(plan.archiveFolder()));
        if (!plan.leftoverTables().isEmpty()) {
            facts.addRow(3, bold("Archived first"), new Label(String.join(", ", plan.leftoverTables())));
        }
        TextArea what = new TextArea(plan.whatWillHappen());
        what.setId("rotation-what");
        what.setWrapText(true);
        what.setEditable(false);
        what.setPrefRowCount(6);
        what.setPrefColumnCount(60);
        VBox content = new VBox(10, facts, what);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("rotation-confirmation");
        alert.getDialogPane().lookupButton(rotate).setId("confirm-rotation");
        alert.getDialogPane().lookupButton(cancel).setId("cancel-rotation");
        if (getScene() != null && getScene().getWindow() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setOnHidden(e -> {
            confirmation = null;
            if (alert.getResult() == rotate) {
                vm.confirmRotation();
            } else {
                vm.cancelRotation();
            }
        });
        confirmation = alert;
        alert.show();
    }

    /** The confirmation dialog while it is shown, for tests. */
    Optional<Alert> confirmation() {
        return Optional.ofNullable(confirmation);
    }

    // ---- helpers

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, Number> numberColumn(String title, Function<T, Long> value) {
        TableColumn<T, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : GenlogFormat.count(n.longValue()));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(title.length() > 8 ? 115 : 75);
        return c;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
