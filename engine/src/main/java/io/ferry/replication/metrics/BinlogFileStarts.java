package io.ferry.replication.metrics;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.EventType;
import io.ferry.replication.MySqlSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * When each binlog file started: the header timestamp of its FORMAT_DESCRIPTION event, read by a short binlog
 * connection from offset 4 (SHOW BINLOG EVENTS shows no timestamps, and RDS gives no access to the files' times).
 * A file's start never changes, so each is read once and kept. The connection announces its own replica server id:
 * the job's id would make the server drop the job's stream.
 */
public final class BinlogFileStarts {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MySqlSource source;
    private final long serverId;
    private final Map<String, Instant> starts = new ConcurrentHashMap<>();

    /** @param jobServerId the job's replica server id; this reader uses another one derived from it */
    public BinlogFileStarts(MySqlSource source, long jobServerId) {
        this.source = source;
        this.serverId = jobServerId > 0x7FFF_FFFFL ? jobServerId - 0x4000_0000L : jobServerId + 0x4000_0000L;
    }

    /** The time of the file's first event; throws {@link IllegalStateException} when it cannot be read. */
    public Instant startOf(String file) {
        return starts.computeIfAbsent(file, this::read);
    }

    private Instant read(String file) {
        BinaryLogClient client = new BinaryLogClient(source.host(), source.port(), source.user(), source.password().reveal());
        client.setServerId(serverId);
        client.setSSLMode(source.binlogSslMode());
        client.setBinlogFilename(file);
        client.setBinlogPosition(4);
        client.setKeepAlive(false);
        CompletableFuture<Instant> first = new CompletableFuture<>();
        client.registerEventListener(event -> {
            if (event.getHeader().getEventType() == EventType.FORMAT_DESCRIPTION && event.getHeader().getTimestamp() > 0) {
                first.complete(Instant.ofEpochMilli(event.getHeader().getTimestamp()));
            }
        });
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                first.completeExceptionally(ex);
            }

            @Override
            public void onDisconnect(BinaryLogClient c) {
                first.completeExceptionally(new IOException("the binlog connection closed before the first event"));
            }
        });
        Thread reader = new Thread(() -> {
            try {
                client.connect();
            } catch (IOException | RuntimeException e) {
                first.completeExceptionally(e);
            }
        }, "ferry-binlog-file-start");
        reader.setDaemon(true);
        reader.start();
        try {
            return first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read when binlog file " + file + " started: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Binlog file " + file + " sent no FORMAT_DESCRIPTION event within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading when binlog file " + file + " started", e);
        } finally {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }
}
