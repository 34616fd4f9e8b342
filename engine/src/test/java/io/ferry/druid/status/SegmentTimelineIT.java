package io.ferry.druid.status;

import io.ferry.cli.FerryCli;
import io.ferry.druid.DruidClient;
import io.ferry.druid.DruidException;
import io.ferry.druid.IndexParallelSpec;
import io.ferry.druid.SysSegment;
import io.ferry.druid.TaskStatus;
import io.ferry.sandbox.druid.DruidCluster;
import io.ferry.sandbox.druid.DruidEndpoints;
import io.ferry.sandbox.druid.DruidSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The segment timeline against the sandbox's real Druid: an hour ingested twice (the second task with
 * {@code dropExisting} over the same intervals, as the re-index does) shows the first version overshadowed and the
 * second available, with the rows of each and the tiers the load rules put them in (recent hot, older cold).
 */
@ExtendWith(DruidSandboxExtension.class)
class SegmentTimelineIT {
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final String DS = "ferry_it_timeline";

    @Test
    void anHourIngestedTwiceShowsTheFirstVersionOvershadowedAndTheSecondAvailableInItsTier(DruidClient druid,
                                                                                          DruidEndpoints endpoints,
                                                                                          @TempDir Path dir) throws Exception {
        Instant recent = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(30));
        Instant old = Instant.parse("2024-06-01T08:00:00Z");
        String[] intervals = {interval(old), interval(recent)};

        // Overshadowed segments stay used while we look at them; the sandbox's 5 s is restored below.
        druid.coordinator().updateDynamicConfig(Map.of("millisToWaitBeforeDeleting", Duration.ofDays(1).toMillis()));
        try {
            run(druid, spec(rows(old, 30) + rows(recent, 20)).intervals(intervals));
            await().atMost(LOAD_TIMEOUT).ignoreException(DruidException.class)
                    .until(() -> druid.coordinator().isFullyLoaded(DS) && count(druid) == 50);
            // Each hour's lock has its own version: remember the first task's per interval.
            Map<Instant, String> first = druid.broker().segments(DS).stream()
                    .collect(Collectors.toMap(seg -> Instant.parse(seg.start()), SysSegment::version));
            assertThat(first).hasSize(2);

            run(druid, spec(rows(old, 12) + rows(recent, 8)).intervals(intervals).appendToExisting(false).dropExisting(true));
            SegmentTimelineReader reader = new SegmentTimelineReader(druid);
            await().atMost(LOAD_TIMEOUT).ignoreException(DruidException.class).untilAsserted(() -> {
                SegmentTimeline t = reader.read(DS, null, null, v -> !first.containsValue(v));
                assertThat(t.intervals()).hasSize(2);
                for (IntervalStatus i : t.intervals()) {
                    boolean isOld = i.start().equals(old);
                    String tier = isOld ? DruidCluster.COLD_TIER : DruidCluster.HOT_TIER;
                    assertThat(i.versions()).hasSize(2);
                    VersionStatus second = i.versions().get(0);
                    VersionStatus overshadowed = i.versions().get(1);
                    assertThat(overshadowed.version()).isEqualTo(first.get(i.start()));
                    assertThat(overshadowed.state()).isEqualTo("overshadowed");
                    assertThat(overshadowed.rows()).isEqualTo(isOld ? 30 : 20);
                    assertThat(overshadowed.origin()).as("a batch task Ferry did not record").isEqualTo(SegmentOrigin.UNKNOWN);
                    assertThat(second.version()).isGreaterThan(first.get(i.start()));
                    assertThat(second.state()).isEqualTo("available");
                    assertThat(second.origin()).isEqualTo(SegmentOrigin.BATCH);
                    assertThat(second.rows()).isEqualTo(isOld ? 12 : 8);
                    assertThat(second.published()).isEqualTo(second.partitions());
                    assertThat(second.replicasByTier()).as("the rules put %s in %s", i.start(), tier).isEqualTo(Map.of(tier, 1));
                    assertThat(i.active()).hasValue(second);
                }
            });

            // From --from, only the recent hour; and the CLI prints the same timeline as a table.
            assertThat(reader.read(DS, recent, null, v -> false).intervals()).extracting(IntervalStatus::start).containsExactly(recent);
            Path config = dir.resolve("ferry.yaml");
            Files.writeString(config, "connections:\n  druid:\n    type: druid\n    coordinatorUrl: " + endpoints.coordinator()
                    + "\n    brokerUrl: " + endpoints.broker() + "\n");
            String table = ferry("druid", "segments", "--config", config.toString(), "--datasource", DS);
            System.out.println(table); // the docs quote this output
            assertThat(table).contains("Datasource " + DS + ": 2 interval(s), 4 version(s)")
                    .containsPattern("2024-06-01T08:00:00Z/2024-06-01T09:00:00Z\\s+\\S+\\s+unknown\\s+available\\s+1\\s+12\\s.*cold×1")
                    .containsPattern(first.get(old).replace(".", "\\.") + "\\s+unknown\\s+overshadowed\\s+1\\s+30\\s");
            // PENDING is a snapshot: the coordinator may still be moving the overshadowed replicas.
            String status = ferry("druid", "status", "--config", config.toString());
            System.out.println(status);
            assertThat(status).contains("Datasources (").containsPattern(DS + "\\s+100\\.0%\\s+(-|cold \\d, hot \\d)\\s+cold \\d, hot \\d\\s+-\n")
                    .contains(DS + ": load rules (cluster default): loadByPeriod P7D (+future) → hot×1; loadForever → cold×1")
                    .contains(DS + ": auto-compaction off").contains("Supervisors (").contains("Data servers (");
        } finally {
            druid.coordinator().updateDynamicConfig(Map.of("millisToWaitBeforeDeleting", 5000));
        }
    }

    private static String ferry(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FerryCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as("ferry %s: %s", List.of(args), err).isZero();
        return out.toString();
    }

    private static long count(DruidClient druid) {
        return druid.broker().sql("SELECT COUNT(*) AS n FROM " + DS).singleLong();
    }

    private static String interval(Instant hour) {
        return hour + "/" + hour.plus(Duration.ofHours(1));
    }

    private static String rows(Instant hour, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("{\"ts\":\"").append(hour.plusSeconds(i * 60L)).append("\",\"campaign\":\"c").append(i % 3)
                    .append("\",\"clicks\":").append(i).append("}\n");
        }
        return out.toString();
    }

    private static IndexParallelSpec spec(String inline) {
        return IndexParallelSpec.of(DS, IndexParallelSpec.InputSource.inline(inline))
                .timestamp("ts", "iso").dimension("campaign").longDimension("clicks")
                .segmentGranularity("HOUR").queryGranularity("NONE").rollup(false);
    }

    private static void run(DruidClient druid, IndexParallelSpec spec) throws InterruptedException {
        String taskId = druid.overlord().submitTask(spec.toJson());
        TaskStatus status = druid.overlord().awaitCompletion(taskId, TASK_TIMEOUT);
        assertThat(status.isSuccess()).as("task %s: %s", taskId, status.errorMsg()).isTrue();
    }

}
