package io.ferry.replication.bench;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchKeysTest {
    @Test
    void noKeyIsTouchedTwiceAndUpdatesAndDeletesHitRowsThatExist() {
        long base = 3000;
        BenchKeys keys = new BenchKeys(base);
        Set<Long> live = new HashSet<>();
        for (long id = 1; id <= base; id++) {
            live.add(id);
        }
        Set<Long> touched = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            BenchKeys.Txn t = keys.next();
            assertThat(t.number()).isEqualTo(i + 1);
            for (long id = t.insertFrom(); id < t.insertFrom() + BenchKeys.INSERTS; id++) {
                if (!live.add(id) || !touched.add(id)) {
                    throw new AssertionError("key " + id + " inserted twice");
                }
            }
            for (long id = t.updateFrom(); id < t.updateFrom() + BenchKeys.UPDATES; id++) {
                if (!live.contains(id)) {
                    throw new AssertionError("update of missing key " + id);
                }
            }
            for (long id = t.deleteFrom(); id < t.deleteFrom() + BenchKeys.DELETES; id++) {
                if (!live.remove(id)) {
                    throw new AssertionError("delete of missing key " + id);
                }
            }
            assertThat(t.deleteFrom() + BenchKeys.DELETES).isLessThanOrEqualTo(t.updateFrom());
            assertThat(t.updateFrom() + BenchKeys.UPDATES).isLessThanOrEqualTo(t.insertFrom());
        }
        assertThat(keys.count()).isEqualTo(2000);
    }

    @Test
    void refusesATableTooSmallForDistinctKeys() {
        assertThatThrownBy(() -> new BenchKeys(2999)).hasMessageContaining("at least 3000 rows");
    }
}
