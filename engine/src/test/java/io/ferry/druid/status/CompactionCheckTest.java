package io.ferry.druid.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CompactionCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LAG = Duration.ofHours(6);

    @Test
    void noCompactionNoWarning() {
        CompactionCheck c = CompactionCheck.of(Optional.empty(), LAG);
        assertThat(c.configured()).isFalse();
        assertThat(c.warning()).isEmpty();
    }

    @Test
    void anOffsetShorterThanTheReindexLagWarns() throws Exception {
        CompactionCheck c = CompactionCheck.of(Optional.of(JSON.readTree("{\"dataSource\":\"ads\",\"skipOffsetFromLatest\":\"PT2H\"}")), LAG);
        assertThat(c.skipOffsetFromLatest()).isEqualTo("PT2H");
        assertThat(c.warning()).hasValueSatisfying(w -> assertThat(w).contains("PT2H is shorter than the re-index lag (PT6H)"));
    }

    @Test
    void aLongEnoughOffsetIsFineInAnyIsoForm() throws Exception {
        assertThat(CompactionCheck.of(Optional.of(JSON.readTree("{\"skipOffsetFromLatest\":\"P1D\"}")), LAG).warning()).isEmpty();
        assertThat(CompactionCheck.of(Optional.of(JSON.readTree("{\"skipOffsetFromLatest\":\"P1W\"}")), LAG).warning()).isEmpty();
        assertThat(CompactionCheck.of(Optional.of(JSON.readTree("{\"skipOffsetFromLatest\":\"P1DT2H\"}")), Duration.ofHours(25)).warning()).isEmpty();
    }

    @Test
    void aMissingOffsetWarns() throws Exception {
        CompactionCheck c = CompactionCheck.of(Optional.of(JSON.readTree("{\"dataSource\":\"ads\"}")), Duration.ofDays(2));
        assertThat(c.skipOffsetFromLatest()).isEqualTo("P1D");
        assertThat(c.warning()).hasValueSatisfying(w -> assertThat(w).contains("no skipOffsetFromLatest").contains("P1D is shorter"));
    }
}
