package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinlogPositionTest {

    @Test
    void serialisesAndParsesFileOffsetAndMariaDbGtids() {
        BinlogPosition p = BinlogPosition.of("mysql-bin.000003", 1234)
                .withGtid(MariaDbGtid.parse("1-2-7")).withGtid(MariaDbGtid.parse("0-1-42"));
        assertThat(p.serialize()).isEqualTo("mysql-bin.000003:1234 gtid=0-1-42,1-2-7");
        assertThat(BinlogPosition.parse(p.serialize())).isEqualTo(p);
        assertThat(BinlogPosition.parse("mysql-bin.000001:4")).isEqualTo(BinlogPosition.of("mysql-bin.000001", 4));
    }

    @Test
    void aNewGtidReplacesTheLastOneOfItsDomainOnly() {
        BinlogPosition p = BinlogPosition.of("b.000001", 4).withGtid(new MariaDbGtid(0, 1, 5)).withGtid(new MariaDbGtid(1, 1, 9))
                .withGtid(new MariaDbGtid(0, 1, 6));
        assertThat(p.gtids()).containsExactly(new MariaDbGtid(0, 1, 6), new MariaDbGtid(1, 1, 9));
        assertThat(BinlogPosition.parseGtidList("0-1-6,1-1-9")).isEqualTo(p.gtids());
        assertThat(BinlogPosition.parseGtidList("")).isEmpty();
    }

    @Test
    void ordersByFileThenOffset() {
        assertThat(List.of(BinlogPosition.of("b.000002", 4), BinlogPosition.of("b.000001", 900), BinlogPosition.of("b.000001", 120))
                .stream().sorted().map(BinlogPosition::serialize).toList())
                .containsExactly("b.000001:120", "b.000001:900", "b.000002:4");
    }

    @Test
    void badTextIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> BinlogPosition.parse("mysql-bin.000003")).hasMessageContaining("file:offset");
        assertThatThrownBy(() -> BinlogPosition.parse("f:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> BinlogPosition.of("f", 2)).hasMessageContaining("starts at 4");
        assertThatThrownBy(() -> MariaDbGtid.parse("0-1")).hasMessageContaining("domain-server-sequence");
        assertThatThrownBy(() -> MariaDbGtid.parse("a-b-c")).hasMessageContaining("unsigned numbers");
    }
}
