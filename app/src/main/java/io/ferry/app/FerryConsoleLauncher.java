package io.ferry.app;

import javafx.application.Application;
import org.slf4j.LoggerFactory;

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
        initLoggingInBackground();
        try {
            ConsoleOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("ferry console: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(FerryConsole.class, args);
    }

    /**
     * Logback's start-up (a service scan of every jar on the long class path, then its configuration) takes
     * about a second: let it run while the FX toolkit starts, instead of before. Classes on the way to the
     * first frame fetch their logger when they first log, not in a static initialiser.
     */
    private static void initLoggingInBackground() {
        Thread init = new Thread(LoggerFactory::getILoggerFactory, "ferry-logging-init");
        init.setDaemon(true);
        init.start();
    }
}
