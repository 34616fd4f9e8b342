package io.ferry.genlog;

import io.ferry.config.ConfigLoader;
import io.ferry.config.FerryConfig;
import io.ferry.engine.EngineJobs;
import io.ferry.engine.EngineRunner;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine's genlog jobs against the sandbox MariaDB with the general log on as a table: a row threshold
 * enforced by the running engine, and alarms when rows cannot be archived.
 */
@ExtendWith(SandboxExtension.class)
class GenlogEngineIT {
    private static final String CONNECTION = "sandbox-mariadb";

    @TempDir
    Path dir;

    private DatabaseEndpoint endpoint;
    private SandboxLog log;
    private String connections;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        endpoint = endpoints.mariadb();
        log = new SandboxLog(endpoint);
        String sandbox = Files.readString(endpoints.configFile());
        // the sandbox's file ends with its own jobs (a replication job); these tests write theirs instead
        int jobs = sandbox.indexOf("\njobs:\n");
        connections = jobs < 0 ? sandbox : sandbox.substring(0, jobs + 1);
    }

    @AfterEach
    void tearDown() throws Exception {
        log.restore();
    }

    private FerryConfig config(String job) throws Exception {
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, "dataDir: " + dir.resolve("data") + "\n" + connections + "\njobs:\n  shop-log:\n"
                + "    type: genlog\n    connection: " + CONNECTION + "\n" + job.indent(4));
        return ConfigLoader.load(file);
    }

    @Test
    void aRunningEngineRotatesOnceTheLogPassesTheRowThresholdAndRecordsWhy() throws Exception {
        log.generalLogOn();
        FerryConfig config = config("rotateWhenRows: 200\ncheckEvery: 1s\narchiveDir: " + dir.resolve("archive"));
        try (StateStore state = StateStore.open(config.dataDir());
             MarkerWorkload markers = new MarkerWorkload(endpoint, "policy")) {
            GenlogStore store = new GenlogStore(state);
            EngineRunner runner = new EngineRunner(EngineJobs.from(config, state, Clock.systemUTC()).stream()
                    .map(EngineJobs.Job::work).toList());
            runner.start();
            try {
                Thread.sleep(2500); // two checks below the threshold
                assertThat(store.history(CONNECTION)).as("no rotation below the threshold").isEmpty();
                markers.run(300);
                await().atMost(Duration.ofSeconds(30)).until(() -> !store.history(CONNECTION).isEmpty());
            } finally {
                runner.stop();
            }
            List<Rotation> history = store.history(CONNECTION);
            assertThat(history).hasSize(1);
            Rotation r = history.get(0);
            assertThat(r.triggeredBy()).matches("policy: rows \\d+ > 200");
            assertThat(Long.parseLong(r.triggeredBy().replaceAll("policy: rows (\\d+) > 200", "$1"))).isGreaterThan(200);
            assertThat(r.status()).isEqualTo("OK");
            assertThat(r.rowsArchived()).isEqualTo(r.rowsRotated()).isGreaterThan(200);
            Path archive = Path.of(r.archivePath().orElseThrow());
            assertThat(archive).startsWith(dir.resolve("archive").resolve(CONNECTION)).exists();
            // the engine may rotate while the markers still run: each is in the archive or the live table, once
            Map<Long, Integer> seen = MarkerWorkload.newCounts();
            ArchiveReader.read(archive, row -> {
                markers.count(row.argument(), seen);
                return true;
            });
            assertThat(seen).isNotEmpty();
            try (Connection c = log.server().open(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT argument FROM mysql.general_log")) {
                while (rs.next()) {
                    markers.count(rs.getString(1), seen);
                }
            }
            assertThat(seen).hasSize(300);
            assertThat(seen.values()).containsOnly(1);
            assertThat(new GenlogAlarms(state).list(false)).isEmpty();
        }
    }

    @Test
    void anArchiveTargetThatCannotBeWrittenRaisesOneAlarmAndDropsNothing() throws Exception {
        log.generalLogOn();
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file where the archive folder should be");
        FerryConfig config = config("checkEvery: 1m\narchiveDir: " + notAFolder);
        try (MarkerWorkload markers = new MarkerWorkload(endpoint, "alarm")) {
            markers.run(20);
        }
        // What the scheduled event does while no Ferry runs: the dated double rename.
        try (Connection c = log.server().open()) {
            DatedRename.rotate(c, LogKind.GENERAL, LocalDateTime.of(2026, 11, 28, 4, 0));
        }
        try (StateStore state = StateStore.open(config.dataDir())) {
            EngineJobs.Job job = EngineJobs.from(config, state, Clock.systemUTC()).get(0);
            job.work().runOnce();
            job.work().runOnce();

            List<GenlogAlarm> alarms = new GenlogAlarms(state).open(CONNECTION);
            assertThat(alarms).singleElement().satisfies(a -> {
                assertThat(a.job()).isEqualTo("shop-log");
                assertThat(a.occurrences()).isEqualTo(2);
                assertThat(a.message()).contains("could not archive", notAFolder.toString(), "rows stay");
            });
            assertThat(new GenlogStore(state).history(CONNECTION)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("ARCHIVE_FAILED"));
        }
        try (Connection c = log.server().open()) {
            assertThat(DatedTables.pending(c, LogKind.GENERAL)).as("the rotated rows stay on the server")
                    .containsExactly("general_log_20261128_0400");
        }

        String file = dir.resolve("ferry.yaml").toString();
        Cli alarms = cli("genlog", "alarms", "--config", file);
        assertThat(alarms.code).isEqualTo(1);
        assertThat(alarms.out).contains("1 open alarm(s)", "OPEN job shop-log (sandbox-mariadb, general log)",
                "seen 2 times", "could not archive");
        assertThat(cli("genlog", "status", "--config", file).out).contains("ALARMS", "1 open", "could not archive");
        long id = Long.parseLong(alarms.out.replaceAll("(?s).*#(\\d+) OPEN.*", "$1"));
        assertThat(cli("genlog", "alarms", "--config", file, "--ack", Long.toString(id)).out).contains("acknowledged by user:");
        Cli after = cli("genlog", "alarms", "--config", file);
        assertThat(after.code).isZero();
        assertThat(after.out).contains("no open alarm");
        assertThat(cli("genlog", "alarms", "--config", file, "--all").out).contains("acknowledged job shop-log");
    }

    /** The real command in a JVM of its own: it starts, says what it runs, and stops cleanly on SIGTERM. */
    @Test
    void engineRunStopsCleanlyOnSigterm() throws Exception {
        log.generalLogOn();
        FerryConfig config = config("rotateWhenRows: 1000000000\ncheckEvery: 1s\narchiveDir: " + dir.resolve("archive"));
        Path output = dir.resolve("engine.log");
        Process engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ferry.cli.FerryCli", "engine", "run", "--config",
                dir.resolve("ferry.yaml").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output).contains("engine started with 1 job(s)"));
            assertThat(Files.readString(output)).contains("shop-log: general log of sandbox-mariadb, checked every 1s,"
                    + " rotates when rows > 1000000000");
            Thread.sleep(1500);
            engine.destroy(); // SIGTERM
            assertThat(engine.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            engine.destroyForcibly();
        }
        assertThat(Files.readString(output)).contains("stopping: letting runs in progress finish", "stopped");
        try (StateStore state = StateStore.open(config.dataDir())) {
            assertThat(new GenlogStore(state).history(CONNECTION)).as("no rotation below the threshold").isEmpty();
        }
    }

    private record Cli(int code, String out) {
    }

    private static Cli cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        var cmd = io.ferry.cli.FerryCli.newCommandLine();
        cmd.setOut(new java.io.PrintWriter(out, true));
        cmd.setErr(new java.io.PrintWriter(out, true));
        return new Cli(cmd.execute(args), out.toString());
    }

    /**
     * RDS flavour (the sandbox gets a procedure named mysql.rds_rotate_general_log with RDS's documented behaviour):
     * when the scheduled event fires more than once between two checks, the backups in between were dropped
     * unarchived, and the engine says so.
     */
    private static LocalDateTime lastFired(Connection c) throws java.sql.SQLException {
        return RdsFiringWatch.parse(RotationScheduler.show(c, LogKind.GENERAL).orElseThrow().lastExecuted().orElseThrow());
    }

    @Test
    void rdsFiringsTheEngineDidNotFollowRaiseAnAlarm() throws Exception {
        log.generalLogOn();
        log.installRdsProcedure();
        log.exec("SET GLOBAL event_scheduler = ON");
        FerryConfig config = config("checkEvery: 1m\narchiveDir: " + dir.resolve("archive"));
        try (StateStore state = StateStore.open(config.dataDir()); Connection c = log.server().open()) {
            RotationScheduler.install(c, LogKind.GENERAL, RotationFlavour.RDS, ScheduleInterval.parse("1s"));
            await().atMost(Duration.ofSeconds(20)).until(() -> RotationScheduler.show(c, LogKind.GENERAL).orElseThrow()
                    .lastExecuted().isPresent());
            EngineJobs.Job job = EngineJobs.from(config, state, Clock.systemUTC()).get(0);
            job.work().runOnce();
            assertThat(new GenlogAlarms(state).open(CONNECTION)).as("first check: nothing known to be missed").isEmpty();
            LocalDateTime firstCheck = lastFired(c);
            // the event fires every second: wait until it has fired at least four more times unfollowed
            await().atMost(Duration.ofSeconds(30)).until(() -> !lastFired(c).isBefore(firstCheck.plusSeconds(4)));
            job.work().runOnce();
            assertThat(new GenlogAlarms(state).open(CONNECTION)).singleElement().satisfies(a -> assertThat(a.message())
                    .contains("ferry_admin.ferry_rotate_general_log", "every 1 SECOND", "RDS dropped")
                    .containsPattern("fired [3-9] times"));
            assertThat(new GenlogStore(state).history(CONNECTION)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.flavour()).isEqualTo(RotationFlavour.RDS));
        }
    }
}
