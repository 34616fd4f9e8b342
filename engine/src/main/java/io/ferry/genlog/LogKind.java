package io.ferry.genlog;

/**
 * The two server logs that MySQL and MariaDB can keep as tables. Both rotate, archive and report the same way;
 * only the names differ.
 */
public enum LogKind {
    GENERAL("general", "general_log", "general_log", "event_time", "argument", "rds_rotate_general_log"),
    SLOW("slow", "slow_log", "slow_query_log", "start_time", "sql_text", "rds_rotate_slow_log");

    private final String word;
    private final String table;
    private final String switchVariable;
    private final String timeColumn;
    private final String textColumn;
    private final String rdsProcedure;

    LogKind(String word, String table, String switchVariable, String timeColumn, String textColumn, String rdsProcedure) {
        this.word = word;
        this.table = table;
        this.switchVariable = switchVariable;
        this.timeColumn = timeColumn;
        this.textColumn = textColumn;
        this.rdsProcedure = rdsProcedure;
    }

    /** "general" or "slow", as typed on the command line. */
    public String word() {
        return word;
    }

    /** The table in the {@code mysql} schema: {@code general_log} or {@code slow_log}. */
    public String table() {
        return table;
    }

    /** {@code mysql.general_log}, quoted. */
    public String qualifiedTable() {
        return "`mysql`.`" + table + "`";
    }

    /** The table RDS's procedure rotates into: {@code general_log_backup}. */
    public String backupTable() {
        return table + "_backup";
    }

    /** The global variable that turns this log on: {@code general_log} or {@code slow_query_log}. */
    public String switchVariable() {
        return switchVariable;
    }

    /** When a row was logged: {@code event_time} (general) or {@code start_time} (slow). */
    public String timeColumn() {
        return timeColumn;
    }

    /** The statement text: {@code argument} (general) or {@code sql_text} (slow). */
    public String textColumn() {
        return textColumn;
    }

    /** RDS's stored procedure in the {@code mysql} schema that rotates this log. */
    public String rdsProcedure() {
        return rdsProcedure;
    }

    public static LogKind fromWord(String word) {
        for (LogKind k : values()) {
            if (k.word.equalsIgnoreCase(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown log '" + word + "': use general or slow");
    }
}
