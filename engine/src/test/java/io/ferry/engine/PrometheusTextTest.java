package io.ferry.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {

    @Test
    void eachFamilyOnceWithHelpTypeAndEscapedLabels() {
        String page = new PrometheusText()
                .family("ferry_replication_source_lag_seconds", "gauge", "How far behind.")
                .family("ferry_replication_rows_in_total", "counter", "Rows read.")
                .sample("ferry_replication_rows_in_total", 1234, "job", "a")
                .sample("ferry_replication_source_lag_seconds", 0.25, "job", "a")
                .sample("ferry_replication_source_lag_seconds", 3, "job", "we\"ird\\job\nname")
                .render();

        assertThat(page).isEqualTo("""
                # HELP ferry_replication_source_lag_seconds How far behind.
                # TYPE ferry_replication_source_lag_seconds gauge
                ferry_replication_source_lag_seconds{job="a"} 0.25
                ferry_replication_source_lag_seconds{job="we\\"ird\\\\job\\nname"} 3
                # HELP ferry_replication_rows_in_total Rows read.
                # TYPE ferry_replication_rows_in_total counter
                ferry_replication_rows_in_total{job="a"} 1234
                """);
    }

    @Test
    void specialValuesAreSpelledAsPrometheusReadsThem() {
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.number(1e20)).isEqualTo("1.0E20");
        assertThat(PrometheusText.number(-2)).isEqualTo("-2");
    }

    @Test
    void anUndeclaredFamilyIsAProgrammingError() {
        assertThatThrownBy(() -> new PrometheusText().sample("nope", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
