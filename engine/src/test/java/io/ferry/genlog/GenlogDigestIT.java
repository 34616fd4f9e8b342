package io.ferry.genlog;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import io.ferry.state.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A known workload of real queries, digested from the live table and from its archive, groups into the right fingerprints. */
@ExtendWith(SandboxExtension.class)
class GenlogDigestIT {
    static final Map<String, Long> EXPECTED = Map.of(
            "select * from ferry_genlog_it.customers where id = ?", 30L,
            "select * from ferry_genlog_it.orders where id in(?+)", 20L,
            "insert into ferry_genlog_it.t(a, b) values(?+)", 10L,
            "update ferry_genlog_it.t set b = ? where a = ?", 5L);

    @TempDir
    Path dataDir;

    private DatabaseEndpoint endpoint;
    private SandboxLog log;

    @BeforeEach
    void setUp(SandboxEndpoints endpoints) throws Exception {
        endpoint = endpoints.mariadb();
        log = new SandboxLog(endpoint);
        log.exec("CREATE DATABASE IF NOT EXISTS ferry_genlog_it", "CREATE TABLE IF NOT EXISTS ferry_genlog_it.t (a INT, b VARCHAR(10))",
                "CREATE TABLE IF NOT EXISTS ferry_genlog_it.customers (id INT)", "CREATE TABLE IF NOT EXISTS ferry_genlog_it.orders (id INT)");
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            log.restore();
        } finally {
            log.exec("DROP DATABASE IF EXISTS ferry_genlog_it");
        }
    }

    /** Runs the known workload on a connection of its own (to the shop database). */
    static void runWorkload(DatabaseEndpoint endpoint) throws Exception {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < 30; i++) {
                st.execute("SELECT * FROM ferry_genlog_it.customers WHERE id = " + (i * 7));
            }
            for (int i = 0; i < 20; i++) {
                StringBuilder in = new StringBuilder();
                for (int k = 0; k <= i % 4; k++) {
                    in.append(k == 0 ? "" : ", ").append(i + k);
                }
                st.execute("select *\n  from ferry_genlog_it.orders where id in (" + in + ")");
            }
            for (int i = 0; i < 10; i++) {
                st.execute("INSERT INTO ferry_genlog_it.t (a, b) VALUES (" + i + ", 'v" + i + "')" + (i % 2 == 0 ? ", (-1, NULL)" : ""));
            }
            for (int i = 0; i < 5; i++) {
                st.execute("UPDATE ferry_genlog_it.t SET b = 'w" + i + "' WHERE a = " + i);
            }
        }
    }

    @Test
    void theKnownWorkloadGroupsIntoItsFingerprintsLiveAndFromTheArchive() throws Exception {
        log.generalLogOn();
        runWorkload(endpoint);

        DigestAggregator live = new DigestAggregator(DigestKey.FINGERPRINT, LogFilter.ALL);
        try (Connection c = log.server().open()) {
            LiveLogReader.read(c, LogKind.GENERAL, LogKind.GENERAL.qualifiedTable(), LogFilter.ALL, live);
        }
        assertThat(counts(live.groups())).containsAllEntriesOf(EXPECTED);
        DigestGroup customers = group(live.groups(), "select * from ferry_genlog_it.customers where id = ?");
        assertThat(customers.example()).isEqualTo("SELECT * FROM ferry_genlog_it.customers WHERE id = 203");
        assertThat(customers.topUsers()).extracting(Map.Entry::getKey).containsExactly("ferry");
        assertThat(customers.topHosts()).extracting(Map.Entry::getKey).containsExactly("127.0.0.1");
        assertThat(customers.firstSeen()).isLessThan(customers.lastSeen());

        Rotation rotation;
        try (StateStore state = StateStore.open(dataDir)) {
            rotation = new RotationService(new GenlogStore(state), Clock.systemUTC(), dataDir.resolve("archive"))
                    .rotate("sandbox-mariadb", log.server(), LogKind.GENERAL, false, "user:it").rotation();
        }
        DigestAggregator archived = new DigestAggregator(DigestKey.FINGERPRINT, LogFilter.ALL);
        ArchiveReader.read(Path.of(rotation.archivePath().orElseThrow()), archived);
        assertThat(counts(archived.groups())).containsAllEntriesOf(EXPECTED);

        DigestAggregator byDatabase = new DigestAggregator(DigestKey.DATABASE,
                new LogFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Query"), Optional.of("ferry_genlog_it.t")));
        ArchiveReader.read(Path.of(rotation.archivePath().orElseThrow()), byDatabase);
        assertThat(counts(byDatabase.groups())).containsExactlyEntriesOf(Map.of("shop", 15L));
    }

    private static Map<String, Long> counts(List<DigestGroup> groups) {
        return groups.stream().collect(Collectors.toMap(DigestGroup::key, DigestGroup::count));
    }

    private static DigestGroup group(List<DigestGroup> groups, String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
    }
}
