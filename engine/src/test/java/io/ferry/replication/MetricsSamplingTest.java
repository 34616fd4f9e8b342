package io.ferry.replication;

import io.ferry.replication.metrics.BinlogHead;
import io.ferry.replication.metrics.HeadProbe;
import io.ferry.replication.metrics.MetricsHistory;
import io.ferry.replication.metrics.MetricsSample;
import io.ferry.replication.metrics.MetricsSampler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one-second samples of a job's counters, with a clock the test moves and a binlog head the test sets (the
 * real head comes from {@code SHOW MASTER STATUS}, exercised by ReplicateCommandIT and the console IT).
 */
class MetricsSamplingTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final TableId CUSTOMERS = new TableId("shop", "customers");

    private final MovingClock clock = new MovingClock(T0);
    private BinlogHead head = head("bin.000001", 1000);
    private final HeadProbe probe = new HeadProbe() {
        @Override
        public BinlogHead read() {
            return head;
        }

        @Override
        public void close() {
        }
    };
    private final ReplicationMetrics metrics = new ReplicationMetrics();
    private final MetricsSampler sampler = new MetricsSampler(probe, clock, MetricsHistory.lastHour());

    @Test
    void ratesBacklogAndLagsOfOneSecond() {
        metrics.position(BinlogPosition.of("bin.000001", 1000));
        sampler.track(metrics);

        // within the second: 3 transactions read (commit times 09:59:58), two of them applied at 10:00:01
        Transaction a = txn(T0.minusSeconds(2), 600, ORDERS, ORDERS);
        Transaction b = txn(T0.minusSeconds(2), 800, ORDERS, CUSTOMERS, CUSTOMERS);
        Transaction c = txn(T0.minusSeconds(2), 1400, CUSTOMERS);
        metrics.read(a);
        metrics.read(b);
        metrics.read(c);
        clock.advance(Duration.ofSeconds(1));
        metrics.batchApplied(List.of(a, b), 5, BinlogPosition.of("bin.000001", 800), clock.instant());
        head = head("bin.000001", 1400);

        MetricsSample s = sampler.sample();

        assertThat(s.time()).isEqualTo(T0.plusSeconds(1));
        assertThat(s.rowsInPerSecond()).isEqualTo(6.0);
        assertThat(s.rowsOutPerSecond()).isEqualTo(5.0);
        assertThat(s.tables()).containsEntry(ORDERS, new MetricsSample.TableRate(3, 3))
                .containsEntry(CUSTOMERS, new MetricsSample.TableRate(3, 2));
        assertThat(s.backlogTransactions()).isEqualTo(1);
        assertThat(s.backlogRows()).isEqualTo(1);
        assertThat(s.batches()).isEqualTo(1);
        assertThat(s.sourceLagBytes()).isEqualTo(600);
        // the oldest transaction not applied committed at 09:59:58: 3 s before 10:00:01
        assertThat(s.sourceLagSeconds()).isEqualTo(3);
        assertThat(s.applyLagMillis()).isEqualTo(3000);
        assertThat(metrics.tables().get(CUSTOMERS).lastChange()).isEqualTo(T0.minusSeconds(2));
    }

    @Test
    void caughtUpMeansZeroLagAndAQuietSecondZeroRates() {
        metrics.position(BinlogPosition.of("bin.000001", 1000));
        sampler.track(metrics);
        clock.advance(Duration.ofMillis(1000));

        MetricsSample s = sampler.sample();

        assertThat(s.sourceLagSeconds()).isZero();
        assertThat(s.sourceLagBytes()).isZero();
        assertThat(s.rowsInPerSecond()).isZero();
        assertThat(s.applyLagMillis()).isEqualTo(-1);
        assertThat(s.tables()).isEmpty();
    }

    @Test
    void bytesBehindSpanBinlogFiles() {
        metrics.position(BinlogPosition.of("bin.000001", 700));
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("bin.000001", 1000L);
        sizes.put("bin.000002", 5000L);
        sizes.put("bin.000003", 400L);
        head = new BinlogHead(BinlogPosition.of("bin.000003", 400), sizes);
        sampler.track(metrics);
        clock.advance(Duration.ofSeconds(1));

        assertThat(sampler.sample().sourceLagBytes()).isEqualTo(300 + 5000 + 400);
    }

    @Test
    void fullLoadRowsCountInAndOutAndTheLoadShowsItsPercentage() {
        sampler.track(metrics);
        metrics.table(ORDERS).loading(1000);
        metrics.snapshotRows(250);
        metrics.table(ORDERS).loaded(250);
        clock.advance(Duration.ofMillis(500));

        MetricsSample s = sampler.sample();

        assertThat(s.rowsInPerSecond()).isCloseTo(500.0, within(0.001));
        assertThat(s.rowsOutPerSecond()).isCloseTo(500.0, within(0.001));
        assertThat(metrics.tables().get(ORDERS).loadPercent()).isEqualTo(25);
        assertThat(metrics.tables().get(ORDERS).state()).isEqualTo(TableMetrics.State.LOADING);
    }

    @Test
    void aRestartedJobSwitchesCountersWithoutNegativeRates() {
        metrics.snapshotRows(10_000);
        sampler.track(metrics);
        ReplicationMetrics next = new ReplicationMetrics();
        sampler.track(next);
        next.snapshotRows(40);
        clock.advance(Duration.ofSeconds(1));

        assertThat(sampler.sample().rowsOutPerSecond()).isEqualTo(40.0);
    }

    @Test
    void theHistoryKeepsTheLastHourOnly() {
        sampler.track(metrics);
        for (int i = 0; i < 4000; i++) {
            clock.advance(Duration.ofSeconds(1));
            sampler.sample();
        }

        MetricsHistory history = sampler.history();
        assertThat(history.size()).isEqualTo(3600);
        assertThat(history.since(null).get(0).time()).isEqualTo(T0.plusSeconds(401));
        assertThat(history.since(T0.plusSeconds(3998))).extracting(MetricsSample::time)
                .containsExactly(T0.plusSeconds(3999), T0.plusSeconds(4000));
        assertThat(history.latest()).get().extracting(MetricsSample::time).isEqualTo(T0.plusSeconds(4000));
    }

    @Test
    void anUnknownHeadLeavesTheLagUnknownAndSaysWhy() {
        metrics.position(BinlogPosition.of("bin.000001", 10));
        MetricsSampler failing = new MetricsSampler(new HeadProbe() {
            @Override
            public BinlogHead read() throws java.sql.SQLException {
                throw new java.sql.SQLException("Connection refused");
            }

            @Override
            public void close() {
            }
        }, clock, MetricsHistory.lastHour());
        failing.track(metrics);
        clock.advance(Duration.ofSeconds(1));

        MetricsSample s = failing.sample();

        assertThat(s.sourceLagSeconds()).isEqualTo(-1);
        assertThat(s.sourceLagBytes()).isEqualTo(-1);
        assertThat(s.lastError()).isEqualTo("the binlog head is unknown: Connection refused");
    }

    private static BinlogHead head(String file, long offset) {
        return new BinlogHead(BinlogPosition.of(file, offset), Map.of(file, offset));
    }

    @Test
    void countsEveryTableOfATransactionWhoseTablesAlternate() {
        Transaction t = txn(T0, 900, ORDERS, CUSTOMERS, CUSTOMERS, ORDERS, ORDERS, ORDERS, CUSTOMERS);
        metrics.read(t);
        metrics.batchApplied(List.of(t), 7, BinlogPosition.of("bin.000001", 900), T0.plusSeconds(1));
        assertThat(metrics.tables().get(ORDERS).rowsRead()).isEqualTo(4);
        assertThat(metrics.tables().get(CUSTOMERS).rowsRead()).isEqualTo(3);
        assertThat(metrics.tables().get(ORDERS).rowsApplied()).isEqualTo(4);
        assertThat(metrics.tables().get(CUSTOMERS).rowsApplied()).isEqualTo(3);
    }

    private static Transaction txn(Instant commit, long end, TableId... tables) {
        List<RowChange> changes = new ArrayList<>();
        for (TableId t : tables) {
            changes.add(new RowChange(t, Operation.INSERT, null, new Object[]{1}, BinlogPosition.of("bin.000001", end), commit));
        }
        return new Transaction(changes, BinlogPosition.of("bin.000001", end), commit);
    }

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
