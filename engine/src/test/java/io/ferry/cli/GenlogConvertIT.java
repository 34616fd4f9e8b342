package io.ferry.cli;

import io.ferry.genlog.SandboxLog;
import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry genlog convert} on the sandbox MariaDB: CSV to MyISAM with every row kept, status then exact. */
@ExtendWith(SandboxExtension.class)
class GenlogConvertIT {
    @TempDir
    Path dir;

    private DatabaseEndpoint maria;
    private SandboxLog log;
    private Path config;

    @BeforeEach
    void setUp(SandboxEndpoints sandbox) throws Exception {
        maria = sandbox.mariadb();
        log = new SandboxLog(maria);
        config = dir.resolve("ferry.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n" + Files.readString(sandbox.configFile()));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            log.exec("SET GLOBAL general_log = OFF", "SET GLOBAL slow_query_log = OFF",
                    "ALTER TABLE mysql.general_log ENGINE = CSV", "ALTER TABLE mysql.slow_log ENGINE = CSV");
        } finally {
            log.restore();
        }
    }

    @Test
    void myisamKeepsEveryRowAndMakesTheStatusFiguresExact() throws Exception {
        log.generalLogOn();
        queries(25);
        assertThat(run("genlog", "status", "--config", config.toString()).out).contains("CSV metadata lies",
                "ferry genlog convert --engine myisam");

        Result asked = run("genlog", "convert", "--config", config.toString(), "--engine", "myisam");
        assertThat(asked.code).isEqualTo(1);
        assertThat(asked.out).contains("will convert `mysql`.`general_log` from CSV to MyISAM",
                "SET GLOBAL general_log = OFF;", "ALTER TABLE `mysql`.`general_log` ENGINE = MyISAM;",
                "SET GLOBAL general_log = ON;", "NOT logged", "Nothing was changed");
        assertThat(engine("general_log")).isEqualTo("CSV");

        Result done = run("genlog", "convert", "--config", config.toString(), "--engine", "myisam", "--yes");
        assertThat(done.code).as(done.err).isZero();
        Matcher m = Pattern.compile("is now MyISAM \\(([\\d,]+) rows before, ([\\d,]+) after").matcher(done.out);
        assertThat(m.find()).as(done.out).isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(1));
        assertThat(engine("general_log")).isEqualTo("MyISAM");
        assertThat(scalar("SELECT @@global.general_log")).as("logging on again").isEqualTo("1");
        assertThat(scalar("SELECT COUNT(*) FROM mysql.general_log WHERE argument LIKE 'SELECT ''convert-marker'', %'"))
                .as("every marker row survived").isEqualTo("25");
        queries(5);
        assertThat(scalar("SELECT COUNT(*) FROM mysql.general_log WHERE argument LIKE 'SELECT ''convert-marker'', %'"))
                .as("logging into the MyISAM table").isEqualTo("30");

        Result status = run("genlog", "status", "--config", config.toString());
        assertThat(status.out).contains("MyISAM keeps the row count", "exact: MyISAM table metadata")
                .doesNotContain("CSV metadata lies");

        Result again = run("genlog", "convert", "--config", config.toString(), "--engine", "myisam", "--yes");
        assertThat(again.out).contains("already MyISAM; nothing to do");
    }

    @Test
    void theSlowLogConvertsTheSameWay() throws Exception {
        log.slowLogOn();
        queries(10);
        Result done = run("genlog", "convert", "--config", config.toString(), "--log", "slow", "--engine", "myisam", "--yes");
        assertThat(done.code).as(done.err).isZero();
        assertThat(done.out).contains("`mysql`.`slow_log` is now MyISAM");
        assertThat(engine("slow_log")).isEqualTo("MyISAM");
        assertThat(scalar("SELECT @@global.slow_query_log")).isEqualTo("1");
        assertThat(scalar("SELECT COUNT(*) FROM mysql.slow_log WHERE sql_text LIKE 'SELECT ''convert-marker'', %'"))
                .isEqualTo("10");
    }

    @Test
    void rdsIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        log.generalLogOn();
        log.installRdsProcedure();
        Result refused = run("genlog", "convert", "--config", config.toString(), "--engine", "myisam", "--yes");
        assertThat(refused.code).isEqualTo(1);
        assertThat(refused.err).contains("refused on RDS", "SUPER", "8.0.36", "Nothing was changed");
        assertThat(engine("general_log")).isEqualTo("CSV");
        assertThat(scalar("SELECT @@global.general_log")).isEqualTo("1");
    }

    private void queries(int n) throws Exception {
        try (Connection c = maria.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                st.execute("SELECT 'convert-marker', " + i);
            }
        }
    }

    private String engine(String table) throws Exception {
        return scalar("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql' AND TABLE_NAME = '" + table + "'");
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = maria.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = FerryCli.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
