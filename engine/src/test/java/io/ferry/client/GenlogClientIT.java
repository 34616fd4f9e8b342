package io.ferry.client;

import io.ferry.client.genlog.ArchiveFile;
import io.ferry.client.genlog.DigestGrouping;
import io.ferry.client.genlog.DigestPage;
import io.ferry.client.genlog.GenlogFigure;
import io.ferry.client.genlog.GenlogStatusView;
import io.ferry.client.genlog.LogQuery;
import io.ferry.client.genlog.LogSource;
import io.ferry.client.genlog.RotationOutcome;
import io.ferry.client.genlog.RotationPlan;
import io.ferry.client.genlog.ScheduleEvery;
import io.ferry.client.genlog.ScheduleState;
import io.ferry.client.genlog.SearchPage;
import io.ferry.genlog.SandboxLog;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.state.StateStore;
import io.ferry.state.StateStoreLockedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The general-log methods of the in-process engine client against the sandbox's real MariaDB. */
@ExtendWith(SandboxExtension.class)
class GenlogClientIT {
    private static final String DB = "sandbox-mariadb";

    @TempDir
    Path dir;

    private SandboxLog log;
    private SandboxEndpoints endpoints;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        this.endpoints = endpoints;
        log = new SandboxLog(endpoints.mariadb());
        log.exec("CREATE DATABASE IF NOT EXISTS ferry_console_it", "CREATE TABLE IF NOT EXISTS ferry_console_it.orders (id INT)");
    }

    @AfterEach
    void tearDown() throws Exception {
        log.restore();
        log.exec("DROP DATABASE IF EXISTS ferry_console_it");
    }

    private Path config(String user) throws Exception {
        Path file = dir.resolve(user + ".yaml");
        String yaml = Files.readString(endpoints.configFile()).replace("user: ferry\n", "user: " + user + "\n");
        Files.writeString(file, "dataDir: " + dir.resolve("data") + "\n" + yaml);
        return file;
    }

    private void queries(int n) throws Exception {
        String[] sql = new String[n];
        for (int i = 0; i < n; i++) {
            sql[i] = "SELECT * FROM ferry_console_it.orders WHERE id = " + i;
        }
        log.exec(sql);
    }

    @Test
    void statusPlanRotateHistorySearchDigestAndExportThroughTheClient() throws Exception {
        log.generalLogOn();
        queries(25);
        try (InProcessEngineClient client = new InProcessEngineClient(Optional.of(config("ferry")), dir.resolve("sbx"))) {
            assertThat(client.genlogConnections()).containsExactly(DB);

            GenlogStatusView status = client.genlogStatus(DB, Optional.empty());
            assertThat(status.tableLog()).isTrue();
            assertThat(status.rows()).isGreaterThanOrEqualTo(25);
            assertThat(status.figures()).filteredOn(f -> f.name().equals("rows")).singleElement()
                    .satisfies(f -> assertThat(f.accuracy()).isEqualTo(GenlogFigure.Accuracy.EXACT));
            assertThat(status.figures()).filteredOn(f -> f.name().equals("growth")).singleElement()
                    .satisfies(f -> assertThat(f.accuracy()).isEqualTo(GenlogFigure.Accuracy.ESTIMATE));
            assertThat(status.samples()).hasSize(1);
            assertThat(client.genlogStatus(DB, Optional.of(new io.ferry.client.genlog.AllocatedStorage(100, 50))).rdsThresholdBytes())
                    .contains(10L << 30);

            SearchPage page = client.genlogSearch(LogSource.live(DB), LogQuery.of("", "", "", "Query", "ferry_console_it.orders"), 10);
            assertThat(page.rows()).hasSize(10).allMatch(e -> e.argument().contains("ferry_console_it.orders"));
            assertThat(page.more()).isTrue();

            RotationPlan plan = client.genlogRotationPlan(DB);
            assertThat(plan.flavour()).startsWith("self-managed");
            assertThat(plan.rowsToMove()).isGreaterThanOrEqualTo(25);
            assertThat(plan.archiveFolder()).isEqualTo(dir.resolve("data").resolve("genlog-archive").resolve(DB).toString());
            assertThat(plan.whatWillHappen()).contains("atomic RENAME", "reads it back", plan.archiveFolder());

            List<String> progress = new CopyOnWriteArrayList<>();
            RotationOutcome outcome = client.genlogRotate(DB, progress::add);
            assertThat(outcome.rotation().rowsArchived()).isEqualTo(outcome.rotation().rowsRotated()).isGreaterThanOrEqualTo(25);
            assertThat(outcome.rotation().triggeredBy()).startsWith("user:").endsWith(" (console)");
            assertThat(progress).anyMatch(p -> p.startsWith("Renamed mysql.general_log to ferry_admin.general_log_"));
            assertThat(client.genlogHistory(DB)).extracting(r -> r.id()).containsExactly(outcome.rotation().id());

            List<ArchiveFile> archives = client.genlogArchives(DB);
            assertThat(archives).singleElement().satisfies(a -> assertThat(a.path().toString()).isEqualTo(outcome.rotation().archivePath().orElseThrow()));
            LogSource archive = LogSource.archives(List.of(archives.get(0).path()));
            DigestPage digest = client.genlogDigest(archive, LogQuery.ALL, DigestGrouping.FINGERPRINT, 5);
            assertThat(digest.groups()).anySatisfy(g -> {
                assertThat(g.key()).isEqualTo("select * from ferry_console_it.orders where id = ?");
                assertThat(g.count()).isEqualTo(25);
            });
            assertThat(digest.groups()).hasSizeLessThanOrEqualTo(5);
            assertThat(digest.rowsRead()).isEqualTo(outcome.rotation().rowsArchived());

            Path rowsCsv = dir.resolve("rows.csv");
            assertThat(client.genlogExportSearchCsv(archive, LogQuery.of("", "", "", "", "ferry_console_it.orders"), rowsCsv)).isEqualTo(25);
            assertThat(Files.readAllLines(rowsCsv)).hasSize(26).first().asString().startsWith("event_time,user_host");
            Path digestCsv = dir.resolve("digest.csv");
            int groups = client.genlogExportDigestCsv(archive, LogQuery.ALL, DigestGrouping.FINGERPRINT, digestCsv);
            assertThat(Files.readAllLines(digestCsv)).hasSize(groups + 1);

            // the client holds the data directory's one state store until it is closed
            assertThatThrownBy(() -> StateStore.open(dir.resolve("data"))).isInstanceOf(StateStoreLockedException.class);
        }
        StateStore.open(dir.resolve("data")).close();
    }

    @Test
    void theScheduleSaysHowToTurnTheSchedulerOnThenInstallsAndRemovesTheEvent() throws Exception {
        log.generalLogOn();
        log.exec("SET GLOBAL event_scheduler = OFF");
        try (InProcessEngineClient client = new InProcessEngineClient(Optional.of(config("ferry")), dir.resolve("sbx"))) {
            ScheduleState off = client.genlogSchedule(DB);
            assertThat(off.schedulerOn()).isFalse();
            assertThat(off.schedulerFix()).hasValueSatisfying(f -> assertThat(f).contains("SET GLOBAL event_scheduler = ON"));
            assertThatThrownBy(() -> client.genlogInstallSchedule(DB, new ScheduleEvery(1, ScheduleEvery.Unit.DAYS)))
                    .isInstanceOf(GenlogClientException.class)
                    .hasMessageContaining("event scheduler is OFF").hasMessageContaining("Nothing was changed");
            assertThat(client.genlogSchedule(DB).event()).isEmpty();

            log.exec("SET GLOBAL event_scheduler = ON");
            ScheduleState on = client.genlogInstallSchedule(DB, new ScheduleEvery(12, ScheduleEvery.Unit.HOURS));
            assertThat(on.event()).hasValueSatisfying(e -> {
                assertThat(e.every()).isEqualTo("12 HOUR");
                assertThat(e.status()).isEqualTo("ENABLED");
                assertThat(e.definer()).startsWith("ferry@");
            });
            assertThat(client.genlogRemoveSchedule(DB).event()).isEmpty();
        }
    }

    @Test
    void aLogOffOrNotATableOrAMissingPrivilegeIsOneMessageWithTheFix() throws Exception {
        log.exec("SET GLOBAL general_log = OFF", "SET GLOBAL log_output = 'TABLE'");
        try (InProcessEngineClient client = new InProcessEngineClient(Optional.of(config("ferry")), dir.resolve("sbx"))) {
            assertThat(client.genlogStatus(DB, Optional.empty()).problem())
                    .hasValueSatisfying(p -> assertThat(p).contains("SET GLOBAL general_log = ON"));
            assertThatThrownBy(() -> client.genlogRotate(DB, m -> { })).isInstanceOf(GenlogClientException.class)
                    .hasMessageContaining("general_log = OFF").hasMessageContaining("Nothing was changed");

            log.exec("SET GLOBAL general_log = ON", "SET GLOBAL log_output = 'FILE'");
            GenlogStatusView file = client.genlogStatus(DB, Optional.empty());
            assertThat(file.tableLog()).isFalse();
            assertThat(file.problem()).hasValueSatisfying(p -> assertThat(p).contains("log_output is FILE", "SET GLOBAL log_output = 'TABLE'"));
            assertThatThrownBy(() -> client.genlogRotationPlan(DB)).hasMessageContaining("SET GLOBAL log_output = 'TABLE'");
        }
        log.generalLogOn();
        try (InProcessEngineClient readOnly = new InProcessEngineClient(Optional.of(config("ferry_readonly")), dir.resolve("sbx"))) {
            assertThatThrownBy(() -> readOnly.genlogRotate(DB, m -> { })).isInstanceOf(GenlogClientException.class)
                    .hasMessageContaining("GRANT").hasMessageContaining("Nothing was changed")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
        }
    }
}
