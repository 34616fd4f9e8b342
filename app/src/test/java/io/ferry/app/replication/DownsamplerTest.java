package io.ferry.app.replication;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DownsamplerTest {

    @Test
    void anHourOfSamplesBecomesAtMostTwoPointsPerPixelAndKeepsTheSpike() {
        int n = 3600;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 1000L;
            values[i] = 100;
        }
        values[1234] = 9999; // one spike in an hour

        Downsampler.Points p = Downsampler.toPixels(times, values, n, 0, (n - 1) * 1000L, 400);

        assertThat(p.size()).isLessThanOrEqualTo(800);
        assertThat(Arrays.stream(p.y(), 0, p.size()).max().orElseThrow()).isEqualTo(9999);
        assertThat(Arrays.stream(p.y(), 0, p.size()).min().orElseThrow()).isEqualTo(100);
        assertThat(Arrays.stream(p.x(), 0, p.size()).max().orElseThrow()).isLessThan(400);
    }

    @Test
    void samplesOutsideTheWindowAndUnknownValuesAreLeftOut() {
        long[] times = {0, 1000, 2000, 3000};
        double[] values = {5, Double.NaN, -1, 7};

        Downsampler.Points p = Downsampler.toPixels(times, values, 4, 500, 3000, 100);

        assertThat(p.size()).isEqualTo(1);
        assertThat(p.y()[0]).isEqualTo(7);
        assertThat(p.x()[0]).isEqualTo(99);
    }

    @Test
    void aNiceScaleIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(LiveChart.niceCeiling(0)).isEqualTo(1);
        assertThat(LiveChart.niceCeiling(3)).isEqualTo(5);
        assertThat(LiveChart.niceCeiling(1234)).isEqualTo(2000);
        assertThat(LiveChart.niceCeiling(50_001)).isEqualTo(100_000);
        assertThat(LiveChart.divisions(5)).isEqualTo(5);  // 1, 2, 3, 4, 5
        assertThat(LiveChart.divisions(2000)).isEqualTo(4); // 500, 1000, 1500, 2000
        assertThat(LiveChart.divisions(100)).isEqualTo(5);
    }
}
