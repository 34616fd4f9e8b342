package io.ferry.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Foreign-key actions InnoDB performs without writing them to the binlog, for ReplicationIT and RedshiftReplicationIT:
 * parents re-keyed under ON UPDATE CASCADE and ON UPDATE SET NULL children (a key reused, a chain of re-keyings), a
 * key referencing a unique key rather than the primary key, and a table referencing itself (a tree whose subtrees go).
 */
final class CascadeScenario {
    static final String[] TABLES = {"parent", "follows", "loose", "by_code", "node"};

    private CascadeScenario() {
    }

    static void create(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
            st.execute("CREATE DATABASE " + schema);
            st.execute("CREATE TABLE " + schema + ".parent (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE, v VARCHAR(10))");
            st.execute("CREATE TABLE " + schema + ".follows (id INT PRIMARY KEY, parent_id INT NOT NULL, v VARCHAR(10), "
                    + "FOREIGN KEY (parent_id) REFERENCES " + schema + ".parent (id) ON DELETE CASCADE ON UPDATE CASCADE)");
            st.execute("CREATE TABLE " + schema + ".loose (id INT PRIMARY KEY, parent_id INT NULL, "
                    + "FOREIGN KEY (parent_id) REFERENCES " + schema + ".parent (id) ON DELETE SET NULL ON UPDATE SET NULL)");
            st.execute("CREATE TABLE " + schema + ".by_code (id INT PRIMARY KEY, parent_code VARCHAR(10) NOT NULL, "
                    + "FOREIGN KEY (parent_code) REFERENCES " + schema + ".parent (code) ON DELETE CASCADE ON UPDATE CASCADE)");
            // InnoDB refuses ON UPDATE CASCADE within one table (it acts as RESTRICT): a tree cascades deletes only
            st.execute("CREATE TABLE " + schema + ".node (id INT PRIMARY KEY, parent_id INT NULL, v VARCHAR(10), "
                    + "FOREIGN KEY (parent_id) REFERENCES " + schema + ".node (id) ON DELETE CASCADE)");
            st.execute("INSERT INTO " + schema + ".parent VALUES (1,'a','p1'),(2,'b','p2'),(3,'c','p3'),(4,'d','p4'),(5,'e','p5'),(6,'f','p6')");
            st.execute("INSERT INTO " + schema + ".follows VALUES (10,1,'x'),(11,1,'y'),(20,2,'x'),(30,3,'x'),(40,4,'x'),(60,6,'x')");
            st.execute("INSERT INTO " + schema + ".loose VALUES (1,1),(2,2),(3,3),(4,NULL),(6,6)");
            st.execute("INSERT INTO " + schema + ".by_code VALUES (1,'a'),(2,'d'),(3,'d'),(4,'e'),(6,'f')");
            st.execute("INSERT INTO " + schema + ".node VALUES (1,NULL,'root'),(2,1,'a'),(3,1,'b'),(4,2,'a.a'),(5,2,'a.b'),"
                    + "(6,4,'a.a.a'),(7,3,'b.a'),(11,NULL,'root2'),(12,11,'c'),(13,12,'c.a'),(14,13,'c.a.a')");
        }
    }

    /** Changes made while the job is stopped, so that its catch-up applies them in one batch. */
    static void oneBatch(Connection c, String schema) throws SQLException {
        run(c, schema, List.of(
                "UPDATE %s.parent SET id = 100 WHERE id = 1",          // follows 10, 11 → 100; loose 1 → NULL
                "UPDATE %s.parent SET id = 1 WHERE id = 2",            // the key comes back: follows 20 → 1 (not 10, 11)
                "UPDATE %s.parent SET id = 200 WHERE id = 100",        // a chain: follows 10, 11 → 200
                "INSERT INTO %s.follows VALUES (31, 3, 'new')",        // written, then its parent goes
                "UPDATE %s.follows SET v = 'touched' WHERE id = 30",
                "DELETE FROM %s.parent WHERE id = 3",                  // follows 30, 31 go; loose 3 → NULL
                "INSERT INTO %s.parent VALUES (3, 'c', 'again')",
                "INSERT INTO %s.follows VALUES (32, 3, 'after')",      // written after: stays
                "UPDATE %s.parent SET code = 'dd' WHERE id = 4",       // by unique key: by_code 2, 3 → 'dd'
                "UPDATE %s.parent SET code = 'd' WHERE id = 5",        // 'd' reused by another parent: by_code 4 stays 'e' → 'd'
                "INSERT INTO %s.by_code VALUES (5, 'd')",
                "DELETE FROM %s.parent WHERE id = 6",                  // follows 60, by_code 6 go; loose 6 → NULL
                "DELETE FROM %s.node WHERE id = 2",                    // the subtree 2, 4, 5, 6
                "UPDATE %s.node SET v = 'b.a*' WHERE id = 7",
                "INSERT INTO %s.node VALUES (8, 3, 'b.b')",
                "DELETE FROM %s.node WHERE id = 3",                    // 3, 7, 8
                "INSERT INTO %s.node VALUES (3, 1, 'b again')",
                "INSERT INTO %s.node VALUES (9, 3, 'b.c')",            // under the new 3: stays
                "UPDATE %s.node SET id = 10 WHERE id = 9"));           // a leaf re-keyed
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT GROUP_CONCAT(id, ':', parent_id ORDER BY id) FROM " + schema + ".follows), "
                     + "(SELECT GROUP_CONCAT(id ORDER BY id) FROM " + schema + ".node), "
                     + "(SELECT GROUP_CONCAT(id, ':', parent_code ORDER BY id) FROM " + schema + ".by_code)")) {
            rs.next();
            assertThat(rs.getString(1)).as("the source after its cascades").isEqualTo("10:200,11:200,20:1,32:3,40:4");
            assertThat(rs.getString(2)).isEqualTo("1,3,10,11,12,13,14");
            assertThat(rs.getString(3)).isEqualTo("1:a,2:dd,3:dd,4:d,5:d");
        }
    }

    /** Changes made one at a time while the job runs: each may land in a batch of its own. */
    static List<String> acrossBatches() {
        return List.of(
                "UPDATE %s.parent SET id = 300 WHERE id = 200",
                "UPDATE %s.parent SET code = 'x', id = 7 WHERE id = 4",
                "DELETE FROM %s.node WHERE id = 12",
                "DELETE FROM %s.parent WHERE id = 300",
                "UPDATE %s.parent SET id = 8 WHERE id = 1",
                "DELETE FROM %s.node WHERE id = 1");
    }

    static void run(Connection c, String schema, List<String> statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql.formatted(schema));
            }
        }
    }
}
