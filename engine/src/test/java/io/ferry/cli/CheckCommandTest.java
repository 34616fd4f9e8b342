package io.ferry.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithProblemsListsThemAllAndExitsWithTwo() throws Exception {
        Path file = dir.resolve("ferry.yaml");
        Files.writeString(file, """
                connections:
                  shop:
                    type: mysql
                    host: db
                    user: ferry
                    port: abc
                    pasword: env:X
                """);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("check", "-c", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(file + " has 2 problems:\n"
                + "  " + file + ":6:11: connections.shop.port: expected a port number (1-65535), found 'abc'\n"
                + "  " + file + ":7:5: connections.shop.pasword: unknown key; did you mean 'password'? the keys of a"
                + " mysql connection are: type, host, port, user, password, database, tls, rds\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileExitsWithTwoAndSaysWhatToDo() {
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine().setErr(new PrintWriter(err, true))
                .execute("check", "--config", dir.resolve("none.yaml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(dir.resolve("none.yaml") + ": no such file; write one (see"
                + " resources/ferry.example.yaml) or pass --config");
    }
}
