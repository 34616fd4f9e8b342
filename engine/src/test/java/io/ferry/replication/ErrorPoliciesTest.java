package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorPoliciesTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final TableId AUDIT = new TableId("shop", "audit_2024");
    private static final TableId ITEMS = new TableId("shop", "items");

    @Test
    void aTableTakesItsOverrideElseTheJobsPolicyAndStopWinsWhenBothMatch() {
        ErrorPolicies p = new ErrorPolicies(ErrorPolicy.STOP, List.of("shop.audit_*", "shop.orders"), List.of("shop.orders"));

        assertThat(p.forTable(AUDIT)).isEqualTo(ErrorPolicy.SUSPEND_TABLE);
        assertThat(p.forTable(ORDERS)).isEqualTo(ErrorPolicy.STOP);
        assertThat(p.forTable(ITEMS)).isEqualTo(ErrorPolicy.STOP);
        assertThat(p.suspends()).isTrue();
        assertThat(p.withDefault(ErrorPolicy.SUSPEND_TABLE).forTable(ITEMS)).isEqualTo(ErrorPolicy.SUSPEND_TABLE);
        assertThat(new ErrorPolicies(ErrorPolicy.SUSPEND_TABLE, List.of(), List.of("shop.*")).forTable(ITEMS))
                .isEqualTo(ErrorPolicy.STOP);
        assertThat(ErrorPolicies.STOP.suspends()).isFalse();
    }

    @Test
    void aSuspendedTableStaysSuspendedInTheMetricsAndTheStatusLineNamesIt() {
        ReplicationMetrics metrics = new ReplicationMetrics();
        metrics.table(ITEMS).state(TableMetrics.State.STREAMING);
        metrics.table(AUDIT).suspended("ERROR: value too long");
        metrics.allTables(TableMetrics.State.STOPPED);
        metrics.table(AUDIT).applied(5, null, java.time.Instant.EPOCH);

        assertThat(metrics.table(AUDIT).state()).isEqualTo(TableMetrics.State.SUSPENDED);
        assertThat(metrics.table(AUDIT).suspendedBecause()).isEqualTo("ERROR: value too long");
        assertThat(metrics.table(AUDIT).rowsApplied()).as("its changes are skipped, not applied").isZero();
        assertThat(metrics.table(ITEMS).state()).isEqualTo(TableMetrics.State.STOPPED);
        assertThat(ReplicationStatusLine.suspended(metrics)).isEqualTo("  SUSPENDED shop.audit_2024");
    }

    @Test
    void wordsAndPatternsAreChecked() {
        assertThat(ErrorPolicy.parse("suspend-table")).isEqualTo(ErrorPolicy.SUSPEND_TABLE);
        assertThatThrownBy(() -> ErrorPolicy.parse("skip")).hasMessageContaining("expected one of [stop, suspend-table]");
        assertThatThrownBy(() -> new ErrorPolicies(ErrorPolicy.STOP, List.of("orders"), List.of()))
                .hasMessageContaining("A table pattern is schema.table");
    }
}
