package io.ferry.replication;

import io.ferry.warehouse.CheckpointConflictException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void lostConnectionsAreWorthARestart() {
        assertThat(TransientFailures.isTransient(new SQLException("Communications link failure", "08S01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new ReplicationException("The binlog stream stopped", new IOException("EOF")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException(
                "FATAL: database \"dw\" is not currently accepting connections", "55000"))).isTrue();
    }

    @Test
    void otherPrerequisiteStatesAndSpillLimitsAreNot() {
        assertThat(TransientFailures.isTransient(new SQLException("cannot disallow connections for current database", "55000"))).isFalse();
        assertThat(TransientFailures.isTransient(new ReplicationException("The binlog stream stopped",
                new SpillLimitException("raise spillDisk")))).isFalse();
    }

    @Test
    void whatNeedsAPersonStopsTheJob() {
        assertThat(TransientFailures.isTransient(new PreflightException(List.of("binlog off")))).isFalse();
        assertThat(TransientFailures.isTransient(new CheckpointConflictException("job"))).isFalse();
        assertThat(TransientFailures.isTransient(new ReplicationException("stopped",
                new UnsupportedBinlogException("compressed")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("zero date"))).isFalse();
    }
}
