package io.ferry.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder: the console shell is built by the console work. */
public class FerryConsole extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Ferry"), 800, 600));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
