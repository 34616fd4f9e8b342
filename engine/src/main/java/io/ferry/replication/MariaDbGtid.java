package io.ferry.replication;

/** One MariaDB GTID, {@code domain-server-sequence} (MariaDB's format, not MySQL's {@code uuid:n}). */
public record MariaDbGtid(long domain, long server, long sequence) {
    public MariaDbGtid {
        if (domain < 0 || server < 0 || sequence < 0) {
            throw new IllegalArgumentException("A MariaDB GTID has no negative parts: " + domain + "-" + server + "-" + sequence);
        }
    }

    public static MariaDbGtid parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 3) {
            throw new IllegalArgumentException("A MariaDB GTID is domain-server-sequence (e.g. 0-1-42), got '" + text + "'");
        }
        try {
            return new MariaDbGtid(Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[1]), Long.parseUnsignedLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A MariaDB GTID is three unsigned numbers domain-server-sequence, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return domain + "-" + server + "-" + sequence;
    }
}
