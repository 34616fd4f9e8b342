package io.ferry.app.shell;

/** Where the console's engine client is in its start-up. */
public enum EngineState {
    /** Asking the engine whether a configuration is loaded. */
    STARTING,
    /** Nothing configured: the local sandbox is starting. */
    STARTING_SANDBOX,
    /** Configured (or the sandbox is up): the views are live. */
    READY,
    /** Start-up failed; the status says why. */
    FAILED
}
