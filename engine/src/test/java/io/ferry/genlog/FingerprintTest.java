package io.ferry.genlog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {
    private final Fingerprint fingerprint = new Fingerprint();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            SELECT * FROM orders WHERE id = 42                              | select * from orders where id = ?
            select *   from orders<NL><TAB>where id=42                           | select * from orders where id = ?
            SELECT name FROM customers WHERE email = 'a@b.c'                | select name from customers where email = ?
            SELECT name FROM customers WHERE email = "a@b.c"                | select name from customers where email = ?
            SELECT 'it''s', 'back\\'slash'                                  | select ?, ?
            SELECT * FROM t WHERE id IN (1, 2, 3)                           | select * from t where id in(?+)
            SELECT * FROM t WHERE id in ('a','b')                           | select * from t where id in(?+)
            SELECT * FROM t WHERE id IN (SELECT id FROM u)                  | select * from t where id in (select id from u)
            INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'), (3, NULL)       | insert into t(a, b) values(?+)
            insert into t(a,b) values(1,'x')                                | insert into t(a, b) values(?+)
            SELECT * FROM t LIMIT 10                                        | select * from t limit ?
            SELECT * FROM t LIMIT 10, 20                                    | select * from t limit ?
            SELECT * FROM t LIMIT 10 OFFSET 20                              | select * from t limit ?
            SELECT a FROM t1 JOIN t2 ON t1.id = t2.id WHERE x > -1.5e3      | select a from t1 join t2 on t1.id = t2.id where x > ?
            SELECT a - 1 FROM t                                             | select a - ? from t
            SELECT 0xFF, NULL, 3.14                                         | select ?, ?, ?
            SELECT COUNT(*) FROM t WHERE d >= '2026-11-28'                  | select count(*) from t where d >= ?
            /* app:checkout */ SELECT 1                                     | select ?
            SELECT 1 -- trailing comment                                    | select ?
            SELECT 1; # hash comment                                        | select ?
            UPDATE `Orders` SET status = 'paid' WHERE id = 7                | update `Orders` set status = ? where id = ?
            SELECT * FROM t WHERE (a = 1 AND b = 2) OR c = 3                | select * from t where (a = ? and b = ?) or c = ?
            USE shop                                                        | use ?
            SELECT col1, t2col FROM table9                                  | select col1, t2col from table9
            """)
    void foldsLiteralsListsAndSpacing(String statement, String expected) {
        assertThat(fingerprint.of(statement.replace("<NL>", "\n").replace("<TAB>", "\t"))).isEqualTo(expected);
    }

    @Test
    void statementsThatDifferOnlyInValuesShareAFingerprint() {
        assertThat(fingerprint.of("SELECT * FROM orders WHERE customer_id = 17 AND status IN ('new', 'paid') LIMIT 5"))
                .isEqualTo(fingerprint.of("select * from orders where customer_id=9000 and status in ('x') limit 50"));
        assertThat(fingerprint.of("INSERT INTO t VALUES (1)"))
                .isEqualTo(fingerprint.of("insert into t values (1), (2), (3)"));
    }

    @Test
    void unterminatedInputDoesNotThrow() {
        assertThat(fingerprint.of("SELECT 'open")).isEqualTo("select ?");
        assertThat(fingerprint.of("SELECT /* open")).isEqualTo("select");
        assertThat(fingerprint.of("")).isEmpty();
    }
}
