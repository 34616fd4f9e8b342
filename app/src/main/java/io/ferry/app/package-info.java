/**
 * The Ferry console: a JavaFX client of the engine.
 * <ul>
 *   <li>{@link io.ferry.app.FerryConsoleLauncher} starts {@link io.ferry.app.FerryConsole}, the composition root:
 *       it makes the {@link io.ferry.client.EngineClient} (through an {@link io.ferry.app.EngineClientFactory}),
 *       the task executor and the view models, and builds the window.</li>
 *   <li>The console reaches the engine only through {@code io.ferry.client} (checked by
 *       {@code ConsoleArchitectureTest}); every call runs in a {@link io.ferry.app.task.BackgroundTask} and its
 *       outcome comes back on the FX thread ({@link io.ferry.app.fx.FxTaskExecutor}). High-rate values (live
 *       charts) go through {@link io.ferry.app.fx.CoalescingFxUpdater}.</li>
 *   <li>Every page is a view built in code over a view model (read-only properties out, commands in, no
 *       controls). The navigation is {@link io.ferry.app.shell.ConsoleSections}: adding a page is one
 *       {@link io.ferry.app.shell.Section} line there.</li>
 * </ul>
 */
package io.ferry.app;
