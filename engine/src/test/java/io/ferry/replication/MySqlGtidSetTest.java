package io.ferry.replication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlGtidSetTest {
    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "4c5f9a2e-8d1b-11ee-b9d1-0242ac120002";

    @Test
    void parsesMySqlsTextAndPrintsItCanonically() {
        MySqlGtidSet set = MySqlGtidSet.parse(B + ":1-3:5,\n" + A.toUpperCase() + ":7:1-5:6");
        assertThat(set.toString()).isEqualTo(A + ":1-7," + B + ":1-3:5");
        assertThat(set.contains(B, 4)).isFalse();
        assertThat(set.contains(A, 6)).isTrue();
        assertThat(MySqlGtidSet.parse("").isEmpty()).isTrue();
        assertThat(MySqlGtidSet.parse(A + ":1-2:tag_x:1-3").toString()).as("MySQL 8.4 tagged GTIDs")
                .isEqualTo(A + ":1-2," + A + ":tag_x:1-3");
    }

    @Test
    void transactionsMergeIntoIntervalsInWhateverOrderTheyCommit() {
        MySqlGtidSet set = MySqlGtidSet.EMPTY.with(A, 1).with(A, 2).with(A, 4).with(B, 1);
        assertThat(set.toString()).isEqualTo(A + ":1-2:4," + B + ":1");
        assertThat(set.with(A, 3).toString()).isEqualTo(A + ":1-4," + B + ":1");
        assertThat(set.with(A, 2)).isEqualTo(set);
    }

    @Test
    void aPositionKeepsTheSetThroughTheCheckpointText() {
        BinlogPosition p = BinlogPosition.of("binlog.000003", 1307).withMySqlGtid(A, 1).withMySqlGtid(A, 2).at("binlog.000004", 4);
        assertThat(p.serialize()).isEqualTo("binlog.000004:4 gtidset=" + A + ":1-2");
        assertThat(BinlogPosition.parse(p.serialize())).isEqualTo(p);
        assertThat(BinlogPosition.parse("b.000001:4 gtid=0-1-42").gtidSet().isEmpty()).isTrue();
    }

    @Test
    void badTextIsRefusedSayingWhatAGtidSetLooksLike() {
        assertThatThrownBy(() -> MySqlGtidSet.parse("0-1-42")).hasMessageContaining("uuid:interval");
        assertThatThrownBy(() -> MySqlGtidSet.parse(A + ":5-2")).hasMessageContaining("'5-2'");
        assertThatThrownBy(() -> MySqlGtidSet.parse(A + ":0")).hasMessageContaining("from 1");
    }
}
