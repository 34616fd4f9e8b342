package io.ferry.app.fx;

import io.ferry.app.task.TaskExecutor;
import io.ferry.app.task.ThreadPoolTaskExecutor;
import javafx.application.Platform;

/** The adapter between the plain-Java task abstraction and JavaFX: callbacks arrive on the FX thread. */
public final class FxTaskExecutor {
    private FxTaskExecutor() {
    }

    public static TaskExecutor create() {
        return new ThreadPoolTaskExecutor(Platform::runLater);
    }
}
