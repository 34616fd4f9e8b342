package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binlog head of MySQL servers, which cannot run here (the sandbox has MariaDB only): the connection is a stand-in
 * that answers each statement with a MySQL server's answer recorded in fixtures/mysql/*.txt (written from the MySQL
 * reference manuals, and saying so) — the one double in these tests, for what cannot run.
 */
class MySqlSourcePositionsTest {
    @Test
    void mysql84HasNoShowMasterStatusAndGivesItsHeadWithTheExecutedGtidSet() throws Exception {
        Connection mysql = recorded("mysql84-show-binary-log-status.txt");

        BinlogPosition head = SourcePositions.head(mysql);

        assertThat(head.file()).isEqualTo("binlog.000003");
        assertThat(head.offset()).isEqualTo(1307);
        assertThat(head.gtids()).isEmpty();
        assertThat(head.gtidSet().toString())
                .isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77,4c5f9a2e-8d1b-11ee-b9d1-0242ac120002:1-3:5");
        assertThat(head.gtidSet().contains("4c5f9a2e-8d1b-11ee-b9d1-0242ac120002", 4)).isFalse();
        assertThat(BinlogReader.resumeGtids(head)).isEqualTo(head.gtidSet().toString());
        assertThat(SourcePositions.binlogFiles(mysql)).containsExactly("binlog.000002", "binlog.000003");
    }

    @Test
    void mysql80WithoutGtidsStillAnswersShowMasterStatus() throws Exception {
        BinlogPosition head = SourcePositions.head(recorded("mysql80-show-master-status.txt"));

        assertThat(head).isEqualTo(BinlogPosition.of("mysql-bin.000012", 4711));
        assertThat(head.serialize()).isEqualTo("mysql-bin.000012:4711");
    }

    /** A connection answering from a recorded conversation; any other statement fails the test. */
    private static Connection recorded(String fixture) throws IOException {
        Map<String, Object> answers = new HashMap<>();
        String sql = null;
        List<List<String>> table = null;
        try (InputStream in = MySqlSourcePositionsTest.class.getResourceAsStream("/fixtures/mysql/" + fixture)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("> ")) {
                    sql = line.substring(2);
                    table = null;
                } else if (line.startsWith("! ")) {
                    String[] parts = line.substring(2).split(" ", 3);
                    answers.put(sql, new SQLException(parts[2], parts[1], Integer.parseInt(parts[0])));
                } else if (line.startsWith("|")) {
                    if (table == null) {
                        table = new ArrayList<>(); // this first line is the header
                        answers.put(sql, table);
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (String cell : line.substring(1).split("\t", -1)) {
                        cells.add(cell.replace("\\n", "\n"));
                    }
                    table.add(cells);
                }
            }
        }
        return proxy(Connection.class, (name, args) -> switch (name) {
            case "createStatement" -> proxy(Statement.class, (m, a) -> switch (m) {
                case "executeQuery" -> {
                    Object answer = answers.get((String) a[0]);
                    if (answer instanceof SQLException e) {
                        throw e;
                    }
                    if (answer == null) {
                        throw new AssertionError("MySQL was not recorded answering " + a[0]);
                    }
                    @SuppressWarnings("unchecked") List<List<String>> rows = (List<List<String>>) answer;
                    yield resultSet(rows);
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(m);
            });
            case "close" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static ResultSet resultSet(List<List<String>> rows) {
        int[] at = {-1};
        return proxy(ResultSet.class, (m, a) -> switch (m) {
            case "next" -> ++at[0] < rows.size();
            case "getString" -> cell(rows.get(at[0]), (Integer) a[0]);
            case "getLong" -> Long.parseLong(cell(rows.get(at[0]), (Integer) a[0]));
            case "close" -> null;
            default -> throw new UnsupportedOperationException(m);
        });
    }

    private static String cell(List<String> row, int column) {
        String v = row.get(column - 1);
        return v; // MySQL sends an empty Executed_Gtid_Set as an empty string, not NULL
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (p, method, args) -> answer.answer(method.getName(), args)));
    }
}
