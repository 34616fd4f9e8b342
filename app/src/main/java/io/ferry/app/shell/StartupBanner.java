package io.ferry.app.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Above every page while the engine starts: a progress indicator with the sandbox's progress messages, or
 * the reason start-up failed.
 */
final class StartupBanner {
    private final VBox root = new VBox(8);

    StartupBanner(MainViewModel viewModel) {
        BooleanBinding sandboxStarting = viewModel.engineStateProperty().isEqualTo(EngineState.STARTING_SANDBOX);
        BooleanBinding failed = viewModel.engineStateProperty().isEqualTo(EngineState.FAILED);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("sandbox-progress");
        spinner.setPrefSize(28, 28);
        Label heading = new Label("Starting the local sandbox: MariaDB, PostgreSQL and an S3 store, all on this "
                + "machine. The first start can take a minute.");
        heading.setWrapText(true);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        HBox headline = new HBox(12, spinner, heading);
        headline.setAlignment(Pos.CENTER_LEFT);

        ListView<String> messages = new ListView<>(viewModel.sandboxMessages());
        messages.setId("sandbox-messages");
        messages.getStyleClass().add(Styles.DENSE);
        messages.setPrefHeight(120);
        messages.setFocusTraversable(false);
        // Keep the newest message in view.
        viewModel.sandboxMessages().addListener((ListChangeListener<String>) change ->
                messages.scrollTo(viewModel.sandboxMessages().size() - 1));

        VBox progress = new VBox(8, headline, messages);
        progress.visibleProperty().bind(sandboxStarting);
        progress.managedProperty().bind(sandboxStarting);

        Label error = new Label();
        error.setId("startup-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(viewModel.startupErrorProperty());
        error.visibleProperty().bind(failed);
        error.managedProperty().bind(failed);

        root.setId("startup-banner");
        root.getStyleClass().add("startup-banner");
        root.setPadding(new Insets(16, 20, 0, 20));
        root.getChildren().addAll(progress, error);
        BooleanBinding shown = Bindings.or(sandboxStarting, failed);
        root.visibleProperty().bind(shown);
        root.managedProperty().bind(shown);
    }

    Node root() {
        return root;
    }
}
