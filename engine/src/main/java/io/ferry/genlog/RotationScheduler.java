package io.ferry.genlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Installs, shows and removes the recurring rotation: an event in {@link FerrySchema} (not in {@code mysql}: RDS
 * MySQL 8.0.36+ forbids creating objects there), running as its definer, the user Ferry connects as. On RDS it
 * calls {@code mysql.rds_rotate_general_log}; elsewhere a procedure beside it does the dated double rename, the
 * same as {@link DatedRename}, so that nothing is dropped before Ferry archived it.
 */
public final class RotationScheduler {
    private static final int ACCESS_DENIED_DB = 1044;
    private static final int COMMAND_DENIED = 1142;

    private RotationScheduler() {
    }

    static String eventName(LogKind kind) {
        return "ferry_rotate_" + kind.table();
    }

    private static String qualifiedEvent(LogKind kind) {
        return FerrySchema.quoted() + ".`" + eventName(kind) + "`";
    }

    /** Installs the event, or replaces it with the new interval. Checks the scheduler first; changes nothing when it is off. */
    public static ScheduledRotation install(Connection c, LogKind kind, RotationFlavour flavour, ScheduleInterval every)
            throws SQLException {
        LogSettings settings = LogSettings.read(c);
        settings.requireTableLog(kind);
        settings.requireScheduler();
        String body = flavour == RotationFlavour.RDS
                ? "CALL `mysql`.`" + kind.rdsProcedure() + "`()"
                : "CALL " + qualifiedEvent(kind) + "()";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + FerrySchema.quoted());
            if (flavour == RotationFlavour.SELF_MANAGED) {
                st.execute("DROP PROCEDURE IF EXISTS " + qualifiedEvent(kind));
                st.execute(datedRenameProcedure(kind));
            }
            st.execute("DROP EVENT IF EXISTS " + qualifiedEvent(kind));
            st.execute("CREATE EVENT " + qualifiedEvent(kind) + " ON SCHEDULE " + every.sql()
                    + " ON COMPLETION PRESERVE ENABLE COMMENT 'Installed by Ferry: rotates mysql." + kind.table()
                    + "; Ferry archives what it rotates' DO " + body);
        } catch (SQLException e) {
            if (e.getErrorCode() == ACCESS_DENIED_DB || e.getErrorCode() == COMMAND_DENIED) {
                throw new GenlogException("the server refused to create the rotation event (" + e.getMessage() + "). Fix, as"
                        + " an administrator: GRANT ALL ON " + FerrySchema.quoted() + ".* TO <ferry's user> (it needs EVENT"
                        + " and CREATE ROUTINE there).", e);
            }
            throw e;
        }
        return show(c, kind).orElseThrow();
    }

    /** The procedure the self-managed event calls: the dated double rename, named as {@link DatedTables} names. */
    static String datedRenameProcedure(LogKind kind) {
        String t = kind.table();
        String schema = FerrySchema.NAME;
        return "CREATE PROCEDURE " + qualifiedEvent(kind) + "()\n"
                + "  COMMENT 'Installed by Ferry: atomic double rename of mysql." + t + " into a dated table'\n"
                + "BEGIN\n"
                + "  DECLARE base VARCHAR(64) DEFAULT CONCAT('" + t + "_', DATE_FORMAT(UTC_TIMESTAMP(), '%Y%m%d_%H%i'));\n"
                + "  DECLARE dated VARCHAR(64) DEFAULT base;\n"
                + "  DECLARE n INT DEFAULT 1;\n"
                + "  WHILE EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema + "'"
                + " AND TABLE_NAME = dated) DO\n"
                + "    SET n = n + 1;\n"
                + "    SET dated = CONCAT(base, '_', n);\n"
                + "  END WHILE;\n"
                + "  DROP TABLE IF EXISTS `" + schema + "`.`" + t + "_new`;\n"
                + "  CREATE TABLE `" + schema + "`.`" + t + "_new` LIKE `mysql`.`" + t + "`;\n"
                + "  SET @ferry_rotate = CONCAT('RENAME TABLE `mysql`.`" + t + "` TO `" + schema + "`.`', dated, '`, `"
                + schema + "`.`" + t + "_new` TO `mysql`.`" + t + "`');\n"
                + "  PREPARE ferry_rotate FROM @ferry_rotate;\n"
                + "  EXECUTE ferry_rotate;\n"
                + "  DEALLOCATE PREPARE ferry_rotate;\n"
                + "END";
    }

    /** The installed event, if any. */
    public static Optional<ScheduledRotation> show(Connection c, LogKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT INTERVAL_VALUE, INTERVAL_FIELD, STATUS, DEFINER, LAST_EXECUTED,"
                + " EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND EVENT_NAME = ?")) {
            ps.setString(1, FerrySchema.NAME);
            ps.setString(2, eventName(kind));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ScheduledRotation(FerrySchema.NAME + "." + eventName(kind),
                        rs.getString(1) + " " + rs.getString(2), rs.getString(3), rs.getString(4),
                        Optional.ofNullable(rs.getString(5)), rs.getString(6)));
            }
        }
    }

    /** Removes the event and its procedure; true when there was one. Dated tables already made stay for archiving. */
    public static boolean remove(Connection c, LogKind kind) throws SQLException {
        boolean existed = show(c, kind).isPresent();
        try (Statement st = c.createStatement()) {
            st.execute("DROP EVENT IF EXISTS " + qualifiedEvent(kind));
            st.execute("DROP PROCEDURE IF EXISTS " + qualifiedEvent(kind));
        } catch (SQLException e) {
            if (e.getErrorCode() == 1049) { // no ferry_admin schema: nothing installed
                return false;
            }
            throw e;
        }
        return existed;
    }
}
