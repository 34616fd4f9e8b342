package io.ferry.genlog;

/** The schema Ferry owns on a server: dated rotation tables and the scheduled rotation event live there. */
public final class FerrySchema {
    /** Not {@code mysql}: RDS MySQL 8.0.36+ forbids creating objects there. */
    public static final String NAME = "ferry_admin";

    private FerrySchema() {
    }

    public static String quoted() {
        return "`" + NAME + "`";
    }
}
