package io.ferry.sandbox;

/** A running mariadbd, however it was launched. */
interface MariaDbProcess {
    boolean isAlive();

    /** Stops mariadbd and waits until it has exited. */
    void stop() throws Exception;
}
