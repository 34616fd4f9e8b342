package io.ferry.replication;

import java.time.Duration;

/** MySQL's TIME as text, {@code [-]H:MM:SS[.ffffff]} with up to 838 hours, to and from a {@link Duration}. */
public final class MySqlTime {
    private MySqlTime() {
    }

    public static Duration parse(String s) {
        boolean negative = s.startsWith("-");
        String[] parts = (negative ? s.substring(1) : s).split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a MySQL TIME value: '" + s + "'");
        }
        String[] secs = parts[2].split("\\.");
        long micros = secs.length > 1 ? Long.parseLong((secs[1] + "000000").substring(0, 6)) : 0;
        Duration d = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(secs[0])).plusNanos(micros * 1000);
        return negative ? d.negated() : d;
    }

    /** Also what PostgreSQL reads as an INTERVAL of hours, minutes and seconds. */
    public static String format(Duration d) {
        Duration abs = d.abs();
        return String.format("%s%d:%02d:%02d.%06d", d.isNegative() ? "-" : "", abs.toHours(), abs.toMinutesPart(),
                abs.toSecondsPart(), abs.toNanosPart() / 1000);
    }
}
