package io.ferry.genlog;

import io.ferry.sandbox.DatabaseEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real queries that each leave one recognisable row in the log: {@code SELECT 'marker:<tag>:<n>'}, numbered from 0,
 * from a connection of their own. Runs a fixed number, or continuously in the background until stopped.
 */
final class MarkerWorkload implements AutoCloseable {
    private static final Pattern MARKER = Pattern.compile("marker:([a-z0-9-]+):(\\d+)");

    private final Connection connection;
    private final String tag;
    private final AtomicLong next = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private CompletableFuture<Void> background;

    MarkerWorkload(DatabaseEndpoint endpoint, String tag) throws SQLException {
        this.connection = endpoint.connect();
        this.tag = tag;
    }

    /** Runs {@code n} marker queries now; returns the number of the first. */
    long run(int n) throws SQLException {
        long first = next.get();
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < n; i++) {
                st.execute("SELECT 'marker:" + tag + ":" + next.getAndIncrement() + "'");
            }
        }
        return first;
    }

    void startBackground() {
        running.set(true);
        background = CompletableFuture.runAsync(() -> {
            try (Statement st = connection.createStatement()) {
                while (running.get()) {
                    st.execute("SELECT 'marker:" + tag + ":" + next.get() + "'");
                    next.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Stops the background queries; returns how many markers were issued in all. */
    long stop() {
        running.set(false);
        background.join();
        return next.get();
    }

    /** Markers issued so far (each has completed, so is in the log). */
    long issued() {
        return next.get();
    }

    /** Adds this tag's marker number in {@code text}, if any, to {@code counts}. */
    void count(String text, Map<Long, Integer> counts) {
        Matcher m = MARKER.matcher(text);
        if (m.find() && m.group(1).equals(tag)) {
            counts.merge(Long.parseLong(m.group(2)), 1, Integer::sum);
        }
    }

    static Map<Long, Integer> newCounts() {
        return new TreeMap<>();
    }

    @Override
    public void close() throws SQLException {
        if (background != null && running.get()) {
            stop();
        }
        connection.close();
    }
}
