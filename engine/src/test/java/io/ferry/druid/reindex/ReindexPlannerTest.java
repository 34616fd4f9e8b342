package io.ferry.druid.reindex;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReindexPlannerTest {
    /** Druid's defaults (1 h tasks, 30 min to publish) and late messages refused after 1 h: closed 2.5 h after the end. */
    private static final SupervisorTiming TIMING = new SupervisorTiming(Duration.ofHours(1), Duration.ofMinutes(30),
            Duration.ofHours(1), "test");

    private static ReindexPlanner at(String now) {
        return new ReindexPlanner(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), SegmentGranularity.HOUR, 4, TIMING);
    }

    private static TimeInterval interval(String text) {
        return TimeInterval.parse(text);
    }

    @Test
    void anIntervalClosesWhenItsEndPlusTaskDurationCompletionTimeoutAndLateMessagePeriodHasPassed() {
        TimeInterval batch = interval("2026-11-28T00/2026-11-28T04");
        assertThat(at("2026-11-28T06:29:59Z").isClosed(batch)).isFalse();
        assertThat(at("2026-11-28T06:30:00Z").isClosed(batch)).isTrue();
        assertThat(at("2026-11-28T06:00:00Z").closesAt(batch)).isEqualTo(Instant.parse("2026-11-28T06:30:00Z"));
    }

    @Test
    void batchesAreWholeChunksAlignedToTheBatchLength() {
        ReindexPlanner planner = at("2026-11-28T12:00:00Z");
        assertThat(planner.batchAt(Instant.parse("2026-11-28T05:17:00Z"))).isEqualTo(interval("2026-11-28T04/2026-11-28T08"));
        assertThat(planner.batchAt(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo(interval("2026-11-28T00/2026-11-28T04"));
        assertThat(planner.batchLength()).isEqualTo(Duration.ofHours(4));

        ReindexPlanner days = new ReindexPlanner(Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC),
                SegmentGranularity.DAY, 1, TIMING);
        assertThat(days.closedBatchesSince(Instant.parse("2026-11-28T10:00:00Z")))
                .containsExactly(interval("2026-11-28/2026-11-29"), interval("2026-11-29/2026-11-30"));
    }

    @Test
    void dueBatchesAreTheClosedOnesOfTheLookbackThatNoSuccessfulRunCovers() {
        ReindexPlanner planner = at("2026-11-28T15:00:00Z"); // 08-12 closed at 14:30, 12-16 not yet
        List<TimeInterval> due = planner.due(Duration.ofHours(12), Set.of(interval("2026-11-28T04/2026-11-28T08")));

        assertThat(due).containsExactly(interval("2026-11-28T00/2026-11-28T04"), interval("2026-11-28T08/2026-11-28T12"));
        assertThat(planner.due(Duration.ofHours(12), Set.of(interval("2026-11-28T00/2026-11-28T12")))).isEmpty();
    }

    @Test
    void aBatchOnlyPartlyCoveredByAnEarlierRunIsStillDue() {
        ReindexPlanner planner = at("2026-11-28T07:00:00Z");
        assertThat(planner.due(Duration.ofHours(6), Set.of(interval("2026-11-28T00/2026-11-28T02"))))
                .containsExactly(interval("2026-11-28T00/2026-11-28T04"));
    }

    @Test
    void anIntervalAskedForByHandMustBeWholeChunksAndClosedUnlessForced() {
        ReindexPlanner planner = at("2026-11-28T03:00:00Z");
        assertThat(planner.problems(interval("2026-11-27T20/2026-11-28T00"), false)).isEmpty();
        assertThat(planner.problems(interval("2026-11-28T00:30:00Z/2026-11-28T02:00:00Z"), true))
                .singleElement().asString().contains("not made of whole HOUR chunks");
        assertThat(planner.problems(interval("2026-11-28T00/2026-11-28T02"), false))
                .singleElement().asString().contains("not closed yet").contains("closes at 2026-11-28T04:30:00Z");
        assertThat(planner.problems(interval("2026-11-28T00/2026-11-28T02"), true)).isEmpty();
    }

    @Test
    void theTimingIsReadFromTheSupervisorSpecWithDruidDefaultsForWhatItLeavesOut() throws Exception {
        var spec = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"type":"kafka","spec":{"ioConfig":{"topic":"ad_events","taskDuration":"PT2M",
                 "lateMessageRejectionPeriod":"PT3H"}}}""");
        SupervisorTiming t = SupervisorTiming.fromSupervisorSpec("ad_events", spec, TIMING);
        assertThat(t.taskDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.completionTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.lateMessageRejectionPeriod()).isEqualTo(Duration.ofHours(3));
        assertThat(t.closeDelay()).isEqualTo(Duration.ofMinutes(212));
        assertThat(t.source()).isEqualTo("supervisor ad_events");
    }

    @Test
    void intervalsParseInTheShortHourFormAndPrintAsDruidWritesThem() {
        assertThat(interval("2026-11-28T00/2026-11-28T04").toString()).isEqualTo("2026-11-28T00:00:00Z/2026-11-28T04:00:00Z");
        assertThat(interval("2026-11-28/2026-11-29").length()).isEqualTo(Duration.ofDays(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> interval("2026-11-28T04/2026-11-28T00"))
                .hasMessageContaining("must end after it starts");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> interval("yesterday"))
                .hasMessageContaining("START/END");
    }
}
