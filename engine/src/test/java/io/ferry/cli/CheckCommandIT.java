package io.ferry.cli;

import io.ferry.sandbox.DatabaseEndpoint;
import io.ferry.sandbox.FreePorts;
import io.ferry.sandbox.SandboxEndpoints;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry check} in-process against the real sandbox servers. */
@ExtendWith(SandboxExtension.class)
class CheckCommandIT {
    private final SandboxEndpoints sandbox;

    @TempDir
    Path dir;

    CheckCommandIT(SandboxEndpoints sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void aWrongPasswordAnUnreachableHostAndAnUnknownKeyAreAllReportedPrecisely() throws Exception {
        DatabaseEndpoint maria = sandbox.mariadb();
        DatabaseEndpoint pg = sandbox.postgres();
        Path wrong = dir.resolve("wrong.password");
        Files.writeString(wrong, "not-the-password");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        int freePort = FreePorts.pick();
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, """
                connections:
                  shop:
                    type: mysql
                    host: 127.0.0.1
                    port: %d
                    user: ferry
                    password: file:%s
                    database: shop
                  dw:
                    type: postgresql
                    host: 127.0.0.1
                    port: %d
                    database: %s
                    user: ferry
                    password: file:%s
                  gone:
                    type: mysql
                    host: 127.0.0.1
                    port: %d
                    user: ferry
                  nowhere:
                    type: postgresql
                    host: dw.ferry.invalid
                    database: dw
                    user: ferry
                    sslmode: require
                """.formatted(maria.port(), wrong, pg.port(), pg.database(), pg.passwordFile(), freePort));

        Run run = check(file);

        assertThat(run.exitCode).isEqualTo(CheckCommand.INVALID_FILE);
        assertThat(run.err).isEqualTo(file + " has 1 problem:\n"
                + "  " + file + ":26:5: connections.nowhere.sslmode: unknown key; the keys of a postgresql connection"
                + " are: type, host, port, database, user, password, tls\n");
        assertThat(run.out).startsWith("Checking the 3 connections without problems:\n");
        assertThat(run.out).containsPattern("\nshop +mysql +127\\.0\\.0\\.1:" + maria.port() + "/shop +FAILED"
                + " +authentication failed for ferry@127\\.0\\.0\\.1:" + maria.port()
                + " \\(wrong password, or the user may not log in from this host\\) \\(\\d+ ms\\)\n");
        assertThat(run.out).containsPattern("\ndw +postgresql +127\\.0\\.0\\.1:" + pg.port() + "/" + pg.database()
                + " +ok +PostgreSQL 17\\.\\d+, no TLS \\(\\d+ ms\\)\n");
        assertThat(run.out).containsPattern("\ngone +mysql +127\\.0\\.0\\.1:" + freePort + " +FAILED +connection refused"
                + " by 127\\.0\\.0\\.1:" + freePort + " \\(nothing listens on that port, or a firewall rejects the"
                + " connection\\) \\(\\d+ ms\\)\n");
        assertThat(run.out).endsWith("2 of 3 connections failed.\n");
        assertThat(run.out + run.err).doesNotContain("not-the-password").doesNotContain(pg.password().reveal());
        System.out.println("ferry check output (invalid file):\n" + run.err + run.out);

        Files.writeString(file, Files.readString(file).replace("    sslmode: require\n", "    tls: require\n"));
        Run fixed = check(file);

        assertThat(fixed.exitCode).isEqualTo(CheckCommand.CONNECTION_FAILED);
        assertThat(fixed.err).isEmpty();
        assertThat(fixed.out).startsWith(file + ": valid, 4 connections (data directory ");
        assertThat(fixed.out).containsPattern("\nnowhere +postgresql +dw\\.ferry\\.invalid:5432/dw +FAILED +unknown host"
                + " 'dw\\.ferry\\.invalid': the name does not resolve \\(check the host name and DNS\\) \\(\\d+ ms\\)\n");
        assertThat(fixed.out).endsWith("3 of 4 connections failed.\n");
        System.out.println("ferry check output (valid file, failing connections):\n" + fixed.out);
    }

    @Test
    void theSandboxConfigurationChecksOkWithExitCodeZero() {
        Run run = check(sandbox.configFile());

        assertThat(run.err).isEmpty();
        assertThat(run.exitCode).isEqualTo(CheckCommand.OK);
        // MariaDB, PostgreSQL, S3 and the Redshift driver through pgbouncer
        assertThat(run.out).containsPattern("\nsandbox-redshift +redshift .* ok +PostgreSQL 17\\.\\d+, no TLS \\(through the"
                + " Redshift driver\\)").endsWith("All 4 connections ok.\n");
        System.out.println("ferry check output (sandbox):\n" + run.out);
    }

    private static Run check(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute("check", "--config", file.toString());
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
