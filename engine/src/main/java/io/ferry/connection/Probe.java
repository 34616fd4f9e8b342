package io.ferry.connection;

import io.ferry.config.ConnectionConfig;

/** Tries one kind of connection. */
interface Probe<C extends ConnectionConfig> {

    /**
     * Connects, asks who is there, and disconnects.
     *
     * @return what answered, for people ("PostgreSQL 17.6, TLS")
     * @throws CheckFailure with the precise reason when it does not work
     */
    String probe(C connection) throws CheckFailure;
}
