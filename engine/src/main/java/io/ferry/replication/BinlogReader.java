package io.ferry.replication;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.ServerException;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams the source's binlog from a position into a {@link TransactionAssembler}, on the binlog client's own
 * thread. Any failure (decoding, a listener error, a lost connection) is kept and stops the stream: the binlog
 * client would otherwise log a listener's exception and go on, which would skip changes silently.
 */
public final class BinlogReader implements AutoCloseable {
    private static final int ER_MASTER_FATAL_ERROR_READING_BINLOG = 1236;

    private final BinaryLogClient client;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile boolean closing;
    private Thread thread;

    /**
     * What the client sends to resume by GTID: a MySQL checkpoint's executed GTID set (the server sends every transaction
     * not in it), else a MariaDB GTID position (the server starts after those GTIDs, slave_connect_state).
     */
    static String resumeGtids(BinlogPosition start) {
        if (!start.gtidSet().isEmpty()) {
            return start.gtidSet().toString();
        }
        if (start.gtids().isEmpty()) {
            throw new IllegalStateException("The checkpoint " + start + " has no GTIDs (a MariaDB GTID position or a MySQL "
                    + "GTID set) to resume from; resume by binlog file and offset instead");
        }
        return start.gtidList();
    }

    public BinlogReader(String jobName, MySqlSource source, long serverId, BinlogPosition start, boolean byGtid,
                        TransactionAssembler assembler) {
        client = new BinaryLogClient(source.host(), source.port(), source.user(), source.password().reveal());
        client.setServerId(serverId);
        client.setSSLMode(source.binlogSslMode());
        if (byGtid) {
            client.setGtidSet(resumeGtids(start));
        } else {
            client.setBinlogFilename(start.file());
            client.setBinlogPosition(start.offset());
        }
        client.setKeepAlive(false); // reconnects with the library's own position bookkeeping are not ours: fail instead
        client.setEventDeserializer(BinlogEventDeserializers.create());
        client.registerEventListener(event -> {
            if (failure.get() != null) {
                return;
            }
            try {
                assembler.accept(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient c) {
                connected.complete(null);
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                if (ex instanceof ServerException server && server.getErrorCode() == ER_MASTER_FATAL_ERROR_READING_BINLOG) {
                    // e.g. "Could not find first log file name in binary log index file": not cured by a retry
                    fail(new BinlogPurgedException(jobName, start, "the server says: " + server.getMessage()));
                } else {
                    fail(ex);
                }
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                fail(new UnsupportedBinlogException("The binlog client could not decode an event: " + ex.getMessage()));
            }

            @Override
            public void onDisconnect(BinaryLogClient c) {
                if (!closing) {
                    fail(new IOException("The binlog connection to the source closed"));
                }
            }
        });
    }

    /** Connects and starts streaming; returns once connected, or throws why it could not. */
    public void start(long timeoutMillis) throws IOException, InterruptedException {
        thread = new Thread(() -> {
            try {
                client.connect();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }, "ferry-binlog-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            connected.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Could not stream the binlog from the source: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new IOException("The source did not start streaming its binlog within " + timeoutMillis + " ms");
        }
    }

    private void fail(Throwable t) {
        if (closing) {
            return;
        }
        if (failure.compareAndSet(null, t)) {
            connected.completeExceptionally(t);
            Thread stopper = new Thread(this::disconnectQuietly, "ferry-binlog-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    /** Why the stream stopped, or null while it runs. */
    public Throwable failure() {
        return failure.get();
    }

    private void disconnectQuietly() {
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closing = true;
        disconnectQuietly();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
