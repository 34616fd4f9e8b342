package io.ferry.genlog;

/** Receives log rows one by one while a table or an archive is read. */
@FunctionalInterface
public interface LogRowSink {
    /** Returns false to stop reading. */
    boolean accept(LogRow row);
}
