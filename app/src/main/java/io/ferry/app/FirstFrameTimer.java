package io.ferry.app;

import javafx.scene.Scene;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Measures launch → first frame: the time from {@link #markLaunch()} (the launcher's main) to the first pulse
 * that lays out the shown scene, and logs it at INFO. The brief's bar is 2 s. Without a launcher (tests,
 * embedding) it measures from the application's construction.
 */
public final class FirstFrameTimer {
    private static volatile long launchNanos;

    private FirstFrameTimer() {
    }

    /** Called first thing in main. */
    public static void markLaunch() {
        launchNanos = System.nanoTime();
    }

    /**
     * Logs (and hands to {@code onFirstFrame}) the milliseconds from launch to the scene's first pulse.
     *
     * @param fallbackStartNanos the start when no launcher marked one
     */
    public static void attach(Scene scene, long fallbackStartNanos, LongConsumer onFirstFrame) {
        long start = launchNanos != 0 ? launchNanos : fallbackStartNanos;
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
            long cpuMillis = processCpuMillis();
            // Logging may still be starting (see FerryConsoleLauncher): never make the first frame wait for it.
            CompletableFuture.runAsync(() -> LoggerFactory.getLogger(FirstFrameTimer.class)
                    .info("first frame after {} ms ({} ms since the JVM started, {} ms of CPU on all threads)",
                            millis, sinceJvmStart, cpuMillis));
            onFirstFrame.accept(millis);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** CPU time makes a measurement on a busy machine comparable: wall time there mostly measures the others. */
    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
