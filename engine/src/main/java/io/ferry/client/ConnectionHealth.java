package io.ferry.client;

/** How a configured connection answered its last check. */
public enum ConnectionHealth {
    /** Not checked yet. */
    UNKNOWN,
    /** A check is running. */
    CHECKING,
    /** Reachable, authenticated, and answering queries. */
    UP,
    /** The check failed; {@link ConnectionStatus#detail()} says why. */
    DOWN
}
