package io.ferry.app.connections;

import atlantafx.base.theme.Styles;
import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.function.Function;

/** The connections page: one row per configured connection with its health, refreshed in the background. */
public final class ConnectionsView {
    private final ConnectionsViewModel viewModel;
    private final ZoneId zone;
    private final VBox root = new VBox(12);

    public ConnectionsView(ConnectionsViewModel viewModel) {
        this(viewModel, ZoneId.systemDefault());
    }

    public ConnectionsView(ConnectionsViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        this.zone = zone;
        root.setId("page-connections");
        root.setPadding(new Insets(20));
        TableView<ConnectionStatus> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header(), errorLine(), table);
    }

    public Node root() {
        return root;
    }

    private Node header() {
        Label title = new Label("Connections");
        title.getStyleClass().addAll(Styles.TITLE_2, "page-title");

        Label summary = new Label();
        summary.setId("connections-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(viewModel.checkingProperty());

        Button checkNow = new Button("Check now");
        checkNow.setId("check-now");
        checkNow.disableProperty().bind(viewModel.checkingProperty());
        checkNow.setOnAction(event -> viewModel.refresh());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, summary, gap, spinner, checkNow);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node errorLine() {
        Label error = new Label();
        error.setId("connections-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(viewModel.lastErrorProperty());
        error.visibleProperty().bind(viewModel.lastErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private TableView<ConnectionStatus> table() {
        TableView<ConnectionStatus> table = new TableView<>(viewModel.rows());
        table.setId("connections-table");
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No connections yet: Ferry shows them here once a configuration is loaded "
                + "or the sandbox is running."));

        TableColumn<ConnectionStatus, ConnectionHealth> health = new TableColumn<>("Health");
        health.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().health()));
        health.setCellFactory(column -> new HealthBadgeCell());
        health.setPrefWidth(110);
        health.setMinWidth(100);

        table.getColumns().add(textColumn("Name", ConnectionStatus::name, 140));
        table.getColumns().add(textColumn("Type", ConnectionStatus::type, 90));
        table.getColumns().add(textColumn("Target", ConnectionStatus::target, 200));
        table.getColumns().add(health);
        table.getColumns().add(textColumn("Latency", s -> ConnectionFormat.latency(s.latencyMillis()), 80));
        table.getColumns().add(textColumn("Checked at", s -> ConnectionFormat.checkedAt(s.checkedAt(), zone), 105));
        table.getColumns().add(textColumn("Detail", ConnectionStatus::detail, 300));
        return table;
    }

    private static TableColumn<ConnectionStatus, String> textColumn(String title,
                                                                   Function<ConnectionStatus, String> value,
                                                                   double width) {
        TableColumn<ConnectionStatus, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 110));
        return column;
    }
}
