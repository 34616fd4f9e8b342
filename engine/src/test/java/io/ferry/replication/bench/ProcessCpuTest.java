package io.ferry.replication.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {
    @Test
    void readsTheTimesAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 1200 0 0 0 731 95 12 3 20 0 1 0 5000 1000 200";
        assertThat(ProcessCpu.parse(stat)).containsExactly(731, 95, 12, 3);
    }

    @Test
    void thisJvmHasUsedSomeCpuAndAPhaseCostsTheDifference() {
        ProcessCpu cpu = new ProcessCpu().group("jvm", ProcessHandle::current, false).group("gone", () -> null, true);
        Map<String, Double> before = cpu.snapshot();
        long spin = 0;
        for (long end = BenchWriter.threadCpu() + 300_000_000L; BenchWriter.threadCpu() < end; ) {
            spin += Long.numberOfTrailingZeros(System.nanoTime()); // burn 0.3 s of CPU to measure it
        }
        Map<String, Double> phase = ProcessCpu.difference(before, cpu.snapshot());
        assertThat(spin).isPositive();
        assertThat(before.get("jvm")).isPositive();
        assertThat(phase.get("jvm")).isGreaterThan(0.2);
        assertThat(phase.get("gone")).isNaN();
        assertThat(ProcessCpu.format(Map.of("jvm", 1.25))).isEqualTo("jvm 1.3");
    }
}
