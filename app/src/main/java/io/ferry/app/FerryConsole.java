package io.ferry.app;

import atlantafx.base.theme.PrimerLight;
import io.ferry.app.connections.ConnectionsViewModel;
import io.ferry.app.fx.FxTaskExecutor;
import io.ferry.app.shell.ConsoleContext;
import io.ferry.app.shell.ConsoleSections;
import io.ferry.app.shell.MainView;
import io.ferry.app.shell.Section;
import io.ferry.app.shell.MainViewModel;
import io.ferry.app.task.TaskExecutor;
import io.ferry.client.EngineClient;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * The console application: builds the window from the view models and hands every engine call to a
 * background task. The composition root; everything else is given what it needs.
 */
public class FerryConsole extends Application {
    private final EngineClientFactory clientFactory;
    private ConsoleOptions options;
    private EngineClient client;
    private TaskExecutor tasks;
    private MainViewModel main;
    private final long constructedNanos = System.nanoTime();
    private volatile long firstFrameMillis = -1;

    /** Used by {@link Application#launch}: the in-process engine, options from the command line. */
    public FerryConsole() {
        this(EngineClientFactory.inProcess(), null);
    }

    /** For tests and embedding: another engine client, given options. */
    public FerryConsole(EngineClientFactory clientFactory, ConsoleOptions options) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.options = options;
    }

    @Override
    public void init() {
        if (options == null) {
            options = getParameters() == null ? ConsoleOptions.none() : ConsoleOptions.parse(getParameters().getRaw());
        }
    }

    @Override
    public void start(Stage stage) {
        // The binary stylesheet skips parsing 170 KB of CSS on the way to the first frame.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        ConsoleOptions given = options;
        client = new DeferredEngineClient(() -> clientFactory.create(given.config()));
        tasks = FxTaskExecutor.create();
        ConnectionsViewModel connections = new ConnectionsViewModel(client, tasks);
        main = new MainViewModel(client, tasks, connections);
        List<Section> sections = ConsoleSections.create(new ConsoleContext(client, tasks, connections));
        MainView view = new MainView(main, sections);

        Scene scene = new Scene(view.root(), 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(
                FerryConsole.class.getResource("console.css"), "console.css").toExternalForm());
        FirstFrameTimer.attach(scene, constructedNanos, millis -> firstFrameMillis = millis);
        stage.setTitle("Ferry");
        stage.setScene(scene);
        stage.show();

        main.start();
        options.section().ifPresent(name -> main.select(sectionTitled(sections, name)));
        options.screenshot().ifPresent(file -> SceneScreenshot.saveAfter(scene, file, options.screenshotDelay(), tasks));
    }

    /** The title of the page a user named on the command line, matched without regard to case. */
    private static String sectionTitled(List<Section> sections, String name) {
        return sections.stream().map(Section::title).filter(title -> title.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--section " + name + ": no such page; the pages are "
                        + sections.stream().map(Section::title).toList()));
    }

    @Override
    public void stop() {
        if (main != null) {
            main.stop();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (client != null) {
            // Stopping the sandbox takes a few seconds: not on the FX thread. The JVM waits for this thread.
            EngineClient closing = client;
            Thread shutdown = new Thread(() -> {
                try {
                    closing.close();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(FerryConsole.class).warn("Stopping the engine client failed: {}", e.toString());
                }
            }, "ferry-shutdown");
            shutdown.setDaemon(false);
            shutdown.start();
        }
    }

    /** The view model of the window, for tests. */
    MainViewModel mainViewModel() {
        return main;
    }

    /** Milliseconds from launch to the first frame, or -1 before it. */
    long firstFrameMillis() {
        return firstFrameMillis;
    }
}
