package io.ferry.replication;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** TIME2 from raw binlog bytes (MySQL's packed format, values computed with its my_time_packed_to_binary rules). */
class BinlogEventDeserializersTest {

    private static long micros(int fsp, int... bytes) throws IOException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return BinlogEventDeserializers.time2Micros(fsp, new ByteArrayInputStream(raw));
    }

    @Test
    void positiveTimes() throws IOException {
        // 12:34:56 = (12<<12 | 34<<6 | 56) + 0x800000 = 0x80C8B8
        assertThat(micros(0, 0x80, 0xC8, 0xB8)).isEqualTo((12 * 3600 + 34 * 60 + 56) * 1_000_000L);
        // 12:34:56.789000 with fsp 6: ((intpart << 24) + 789000) + 0x800000000000
        long packed = ((long) (12 << 12 | 34 << 6 | 56) << 24) + 789_000 + 0x800000000000L;
        assertThat(micros(6, bytes6(packed))).isEqualTo((12 * 3600 + 34 * 60 + 56) * 1_000_000L + 789_000);
    }

    @Test
    void negativeTimesKeepTheirSign() throws IOException {
        // -838:59:58.5 with fsp 6: -(hms << 24 | 500000) + 0x800000000000
        long hms = 838L << 12 | 59 << 6 | 58;
        long packed = -((hms << 24) + 500_000) + 0x800000000000L;
        assertThat(micros(6, bytes6(packed))).isEqualTo(-((838L * 3600 + 59 * 60 + 58) * 1_000_000 + 500_000));
        // -00:00:01 with fsp 0
        long p0 = -(1L) + 0x800000;
        assertThat(micros(0, (int) (p0 >> 16) & 0xFF, (int) (p0 >> 8) & 0xFF, (int) p0 & 0xFF)).isEqualTo(-1_000_000L);
        // -00:00:00.5 with fsp 1: intpart -1 → 0, frac 50 - 0x100 stored as intpart -1 and frac 0xCE... (MySQL: intpart=-1, frac=0x100-50)
        long intPart = -1 + 0x800000;
        assertThat(micros(1, (int) (intPart >> 16) & 0xFF, (int) (intPart >> 8) & 0xFF, (int) intPart & 0xFF, 0x100 - 50))
                .isEqualTo(-500_000L);
    }

    private static int[] bytes6(long v) {
        int[] b = new int[6];
        for (int i = 5; i >= 0; i--) {
            b[i] = (int) (v & 0xFF);
            v >>= 8;
        }
        return b;
    }
}
