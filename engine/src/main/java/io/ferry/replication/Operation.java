package io.ferry.replication;

/** What a row change did at the source. */
public enum Operation {
    INSERT, UPDATE, DELETE
}
