package io.ferry.app.replication;

import io.ferry.client.ReplicationJobStatus;
import io.ferry.client.ReplicationSample;
import io.ferry.client.ReplicationTableStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Engine answers as the in-process engine gives them, for the console's replication tests. */
final class ReplicationFixtures {
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private ReplicationFixtures() {
    }

    static ReplicationJobStatus job(String name, String state, boolean running, String lastError) {
        return new ReplicationJobStatus(name, "sandbox-mariadb", "sandbox-postgres", "shop.*", state, running, 120, 118,
                0, 0, 800, 1, 4, 42, lastError, "purge horizon 22 h");
    }

    static ReplicationTableStatus table(String name, String state, int percent) {
        return new ReplicationTableStatus(name, state, percent, 1000, 1500, T0, 800, 12, 11);
    }

    static ReplicationSample sample(int second, double in) {
        return new ReplicationSample(T0.plusSeconds(second), in, in * 0.9, second % 7, 100, 500, 0, 0);
    }

    /** {@code count} one-second samples from T0, rows/s rising and falling. */
    static List<ReplicationSample> hour(int count) {
        List<ReplicationSample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(sample(i, 1000 + 900 * Math.sin(i / 60.0)));
        }
        return out;
    }
}
