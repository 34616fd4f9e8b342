package io.ferry.genlog;

import io.ferry.sandbox.DatabaseEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the shared sandbox MariaDB's logs in the state a test needs and back: the general (and slow) log on, as
 * tables, emptied; afterwards off again, with every table and routine the test left behind dropped, so the other
 * ITs sharing the sandbox see the server as it was.
 */
public final class SandboxLog {
    static final String RDS_PROCEDURE_GENERAL = """
            CREATE PROCEDURE `mysql`.`rds_rotate_general_log`()
            BEGIN
              DROP TABLE IF EXISTS mysql.general_log2;
              CREATE TABLE mysql.general_log2 LIKE mysql.general_log;
              DROP TABLE IF EXISTS mysql.general_log_backup;
              RENAME TABLE mysql.general_log TO mysql.general_log_backup, mysql.general_log2 TO mysql.general_log;
            END""";

    private final DatabaseEndpoint endpoint;
    private final String logOutputBefore;

    public SandboxLog(DatabaseEndpoint endpoint) throws SQLException {
        this.endpoint = endpoint;
        try (Connection c = endpoint.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@global.log_output")) {
            rs.next();
            logOutputBefore = rs.getString(1);
        }
    }

    public ServerConnections server() {
        return ServerConnections.inUtc(endpoint::connect);
    }

    /** General log on, as a table, empty. */
    public void generalLogOn() throws SQLException {
        exec("SET GLOBAL general_log = OFF", "SET GLOBAL log_output = 'TABLE'", "TRUNCATE TABLE mysql.general_log",
                "SET GLOBAL general_log = ON");
    }

    /** Slow log on for every statement, as a table, empty. */
    public void slowLogOn() throws SQLException {
        exec("SET GLOBAL slow_query_log = OFF", "SET GLOBAL log_output = 'TABLE'", "TRUNCATE TABLE mysql.slow_log",
                "SET GLOBAL long_query_time = 0", "SET GLOBAL slow_query_log = ON");
    }

    /**
     * Stands in for RDS: a procedure named {@code mysql.rds_rotate_general_log} with the behaviour RDS documents
     * (the log table becomes {@code mysql.general_log_backup}, the previous backup is dropped, logging goes on in an
     * empty table). The real one cannot run here.
     */
    public void installRdsProcedure() throws SQLException {
        exec("DROP PROCEDURE IF EXISTS mysql.rds_rotate_general_log", RDS_PROCEDURE_GENERAL);
    }

    public void exec(String... sql) throws SQLException {
        try (Connection c = endpoint.connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** Logs off, log_output as before, every genlog artefact dropped. */
    public void restore() throws SQLException {
        List<String> sql = new ArrayList<>(List.of("SET GLOBAL general_log = OFF", "SET GLOBAL slow_query_log = OFF",
                "SET GLOBAL long_query_time = 10", "SET GLOBAL log_output = '" + logOutputBefore + "'",
                "SET GLOBAL event_scheduler = OFF",
                "DROP PROCEDURE IF EXISTS mysql.rds_rotate_general_log",
                "DROP TABLE IF EXISTS mysql.general_log_backup", "DROP TABLE IF EXISTS mysql.general_log2",
                "TRUNCATE TABLE mysql.general_log", "TRUNCATE TABLE mysql.slow_log",
                "DROP DATABASE IF EXISTS " + FerrySchema.quoted()));
        exec(sql.toArray(String[]::new));
    }
}
