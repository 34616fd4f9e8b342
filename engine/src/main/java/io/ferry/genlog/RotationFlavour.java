package io.ferry.genlog;

/** How a server's log is rotated. */
public enum RotationFlavour {
    /** Amazon RDS: {@code CALL mysql.rds_rotate_general_log}, which keeps one backup table. */
    RDS("RDS procedure mysql.rds_rotate_*_log"),
    /** Self-managed MySQL/MariaDB: an atomic double RENAME into a dated table that Ferry archives, then drops. */
    SELF_MANAGED("self-managed: atomic double RENAME into a dated table");

    private final String description;

    RotationFlavour(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
