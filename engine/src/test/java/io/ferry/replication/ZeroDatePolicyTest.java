package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZeroDatePolicyTest {
    private static final TableId T = TableId.parse("shop.t");
    private static final TableSchema TABLE = new TableSchema(T, List.of(Columns.notNull("day", "date", "date"),
            Columns.notNull("at", "datetime", "datetime(6)"), Columns.notNull("ts", "timestamp", "timestamp"),
            Columns.notNull("name", "varchar", "varchar(10)"), Columns.of("maybe", "date", "date")), List.of("day"));

    @Test
    void underNullTheTargetsNonKeyDateColumnsAcceptNull() {
        TableSchema target = new ZeroDatePolicy(ZeroDates.NULL, null).target(TABLE);

        assertThat(target.columns()).extracting(ColumnSchema::name, ColumnSchema::nullable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("day", false), org.assertj.core.groups.Tuple.tuple("at", true),
                org.assertj.core.groups.Tuple.tuple("ts", true), org.assertj.core.groups.Tuple.tuple("name", false),
                org.assertj.core.groups.Tuple.tuple("maybe", true));
        assertThat(target.columns().get(1).datetimePrecision()).isEqualTo(TABLE.columns().get(1).datetimePrecision());
    }

    @Test
    void underFailTheTargetKeepsTheSourcesConstraints() {
        assertThat(ZeroDatePolicy.FAIL.target(TABLE)).isSameAs(TABLE);
    }

    @Test
    void theSnapshotRecognisesZeroAndInvalidDatesAsTheServerPrintsThem() {
        assertThat(List.of("0000-00-00", "0000-00-00 00:00:00", "2024-00-15", "2024-01-00", "2024-01-00 10:00:00.000000"))
                .allMatch(SnapshotReader::isZeroDate);
        assertThat(List.of("2024-01-15", "2024-10-10 10:00:00", "2000-01-01 00:00:00.000001"))
                .noneMatch(SnapshotReader::isZeroDate);
    }
}
