package io.ferry.reporting;

import io.ferry.config.ReportConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportParametersTest {
    private final ReportConfig report = new ReportConfig("by_campaign", Optional.empty(),
            "SELECT 1 FROM t WHERE __time >= TIME_PARSE(?) AND __time < TIME_PARSE(?) AND c = ?", List.of("from", "to", "country"),
            Optional.empty());

    @Test
    void timesAreNormalisedToUtcInstantsInTheDeclaredOrder() {
        Object[] values = ReportParameters.bind(report, Map.of("to", "2024-01-02T06:30", "from", "2024-01-01", "country", "DE"));
        assertThat(values).containsExactly("2024-01-01T00:00:00Z", "2024-01-02T06:30:00Z", "DE");
    }

    @Test
    void aMissingOrMalformedParameterSaysWhich() {
        assertThatThrownBy(() -> ReportParameters.bind(report, Map.of("from", "2024-01-01", "country", "DE")))
                .isInstanceOf(ReportRequestException.class).hasMessageContaining("'to'");
        assertThatThrownBy(() -> ReportParameters.bind(report, Map.of("from", "yesterday", "to", "2024-01-01", "country", "DE")))
                .isInstanceOf(ReportRequestException.class).hasMessageContaining("'from' is not a time");
    }
}
