package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention from server variables, and from RDS's configuration. RDS cannot run here: the RDS cases use the rows
 * {@code CALL mysql.rds_show_configuration} returns on RDS for MySQL (name, value, description), as recorded from its
 * documentation; HeartbeatIT runs the same path against a stand-in procedure in the sandbox's MariaDB.
 */
class BinlogRetentionTest {

    @Test
    void rdsDefaultNullIsRefusedWithTheExactFix() {
        Map<String, String> rds = new HashMap<>();
        rds.put("binlog retention hours", null); // RDS's default
        rds.put("source delay", "0");
        rds.put("target delay", "0");
        BinlogRetention r = BinlogRetention.fromRdsConfiguration(rds);
        assertThat(r.rds()).isTrue();
        assertThat(r.retention()).isNull();
        assertThat(r.problems()).singleElement().asString()
                .startsWith("binlog retention hours is NULL on this RDS instance")
                .endsWith("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
    }

    @Test
    void rdsHoursAreTheRetention() {
        BinlogRetention r = BinlogRetention.fromRdsConfiguration(Map.of("binlog retention hours", "168"));
        assertThat(r.retention()).isEqualTo(Duration.ofHours(168));
        assertThat(r.problems()).isEmpty();
        assertThat(r.setting()).isEqualTo("binlog retention hours 168");
    }

    @Test
    void secondsWinOverDays() {
        assertThat(BinlogRetention.fromVariables(Map.of("binlog_expire_logs_seconds", "2592000", "expire_logs_days", "0"))
                .retention()).isEqualTo(Duration.ofDays(30));
        assertThat(BinlogRetention.fromVariables(Map.of("binlog_expire_logs_seconds", "3600", "expire_logs_days", "7"))
                .retention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void daysWhenSecondsAreZeroOrMissing_MariaDbFractionalDaysToo() {
        assertThat(BinlogRetention.fromVariables(Map.of("binlog_expire_logs_seconds", "0", "expire_logs_days", "7"))
                .retention()).isEqualTo(Duration.ofDays(7));
        assertThat(BinlogRetention.fromVariables(Map.of("expire_logs_days", "0.500000")).retention())
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void bothZeroMeansNoAutomaticPurgeAndNoProblem() {
        BinlogRetention r = BinlogRetention.fromVariables(Map.of("binlog_expire_logs_seconds", "0", "expire_logs_days", "0"));
        assertThat(r.retention()).isNull();
        assertThat(r.rds()).isFalse();
        assertThat(r.problems()).isEmpty();
        assertThat(r.setting()).contains("no automatic purge");
    }
}
