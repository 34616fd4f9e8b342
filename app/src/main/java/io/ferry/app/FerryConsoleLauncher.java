package io.ferry.app;

import javafx.application.Application;

import java.util.List;

/**
 * Starts the console. A plain main class (not an {@link Application}) so JavaFX runs from the class path:
 * {@code java -cp app/target/ferry-app.jar:app/target/lib/* io.ferry.app.FerryConsoleLauncher [--config ferry.yaml]}.
 */
public final class FerryConsoleLauncher {
    private FerryConsoleLauncher() {
    }

    public static void main(String[] args) {
        FirstFrameTimer.markLaunch();
        try {
            ConsoleOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("ferry console: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(FerryConsole.class, args);
    }
}
