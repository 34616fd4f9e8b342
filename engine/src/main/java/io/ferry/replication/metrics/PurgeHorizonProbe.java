package io.ferry.replication.metrics;

import io.ferry.replication.BinlogPosition;
import io.ferry.replication.BinlogRetention;
import io.ferry.replication.MySqlSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Works out a job's {@link PurgeHorizon} at each sample: the retention is read again every minute (someone may change
 * it), the files come from the sample's {@link BinlogHead}, their start times from {@link BinlogFileStarts}. Logs a
 * WARN the first time a file's horizon passes 50 % of the retention. Not thread-safe: the sampler's thread calls it.
 */
public interface PurgeHorizonProbe extends AutoCloseable {
    Duration RETENTION_REREAD = Duration.ofMinutes(1);

    /** The horizon of {@code checkpoint}, or null when it cannot be known now. */
    PurgeHorizon horizon(BinlogPosition checkpoint, BinlogHead head, Instant now);

    @Override
    void close();

    /** No horizon (tests that set the head by hand). */
    PurgeHorizonProbe NONE = new PurgeHorizonProbe() {
        @Override
        public PurgeHorizon horizon(BinlogPosition checkpoint, BinlogHead head, Instant now) {
            return null;
        }

        @Override
        public void close() {
        }
    };

    static PurgeHorizonProbe of(String job, MySqlSource source, long serverId) {
        BinlogFileStarts starts = new BinlogFileStarts(source, serverId);
        Logger log = LoggerFactory.getLogger(PurgeHorizonProbe.class);
        return new PurgeHorizonProbe() {
            private Connection connection;
            private BinlogRetention retention;
            private Instant retentionRead;
            private final Set<String> warned = new HashSet<>();

            @Override
            public PurgeHorizon horizon(BinlogPosition checkpoint, BinlogHead head, Instant now) {
                try {
                    if (retention == null || Duration.between(retentionRead, now).compareTo(RETENTION_REREAD) >= 0) {
                        if (connection == null || !connection.isValid(1)) {
                            close();
                            connection = source.connect();
                        }
                        retention = BinlogRetention.read(connection);
                        retentionRead = now;
                    }
                    PurgeHorizon h = PurgeHorizon.of(checkpoint, new ArrayList<>(head.fileSizes().keySet()),
                            retention.retention(), starts::startOf, now);
                    if (h.warning() && warned.add(h.file())) {
                        log.warn("Job {}: its checkpoint's binlog file {} has used {}% of the source's binlog retention ({}):"
                                        + " {} left before the server may purge it; after that the job cannot resume. Let the"
                                        + " job catch up, or keep binlogs longer.", job, h.file(),
                                Math.round(h.usedFraction() * 100), retention.setting(), h.hoursText());
                    }
                    return h;
                } catch (SQLException | RuntimeException e) {
                    log.debug("Job {}: purge horizon unknown: {}", job, e.getMessage());
                    close();
                    return null;
                }
            }

            @Override
            public void close() {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // closing anyway
                    }
                    connection = null;
                }
            }
        };
    }
}
