package io.ferry.app.shell;

import atlantafx.base.theme.Styles;
import io.ferry.client.EngineInfo;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the engine's state, a progress bar while it starts, and the engine version. */
final class StatusBar {
    private final HBox root = new HBox(10);

    StatusBar(MainViewModel viewModel) {
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(viewModel.statusTextProperty());
        status.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        viewModel.engineStateProperty().addListener((obs, old, state) ->
                status.pseudoClassStateChanged(Styles.STATE_DANGER, state == EngineState.FAILED));

        BooleanBinding busy = viewModel.engineStateProperty().isEqualTo(EngineState.STARTING)
                .or(viewModel.engineStateProperty().isEqualTo(EngineState.STARTING_SANDBOX));
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("status-progress");
        progress.setPrefWidth(140);
        progress.getStyleClass().add(Styles.SMALL);
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);

        Label version = new Label();
        version.getStyleClass().add(Styles.TEXT_MUTED);
        version.textProperty().bind(Bindings.createStringBinding(() -> {
            EngineInfo info = viewModel.engineInfoProperty().get();
            return info == null ? "" : "Ferry " + info.version();
        }, viewModel.engineInfoProperty()));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root.setId("status-bar");
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
        root.getChildren().addAll(status, progress, gap, version);
    }

    Node root() {
        return root;
    }
}
