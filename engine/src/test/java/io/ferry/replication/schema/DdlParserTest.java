package io.ferry.replication.schema;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.schema.DdlStatement.AddColumn;
import io.ferry.replication.schema.DdlStatement.AlterTable;
import io.ferry.replication.schema.DdlStatement.DropColumn;
import io.ferry.replication.schema.DdlStatement.ModifyColumn;
import io.ferry.replication.schema.DdlStatement.RenameColumn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DdlParserTest {
    private static final TableId ORDERS = new TableId("shop", "orders");

    private static AlterTable alter(String sql) {
        DdlStatement s = DdlParser.parse("shop", sql);
        assertThat(s).as(sql).isInstanceOf(AlterTable.class);
        return (AlterTable) s;
    }

    @Test
    void addColumnWithTypeCharsetAndPosition() {
        AlterTable a = alter("ALTER TABLE `orders` ADD COLUMN `note` VARCHAR(40) CHARACTER SET latin1 NOT NULL DEFAULT 'x, y' AFTER id");
        assertThat(a.table()).isEqualTo(ORDERS);
        assertThat(a.changes()).hasSize(1);
        ColumnDefinition c = ((AddColumn) a.changes().get(0)).column();
        assertThat(c.name()).isEqualTo("note");
        ColumnSchema s = c.toSchema("utf8mb4", true);
        assertThat(s.dataType()).isEqualTo("varchar");
        assertThat(s.columnType()).isEqualTo("varchar(40)");
        assertThat(s.charMaxLength()).isEqualTo(40L);
        assertThat(s.charset()).isEqualTo("latin1");
        assertThat(s.nullable()).isFalse();
    }

    @Test
    void severalSpecsInOneAlterAreKeptInOrderAndNonColumnSpecsLeftOut() {
        AlterTable a = alter("alter table shop.orders add qty int unsigned, drop column old_col, add index ix (qty), "
                + "modify note text, change `a` `b` decimal(12,2) null, rename column c to d, algorithm=inplace, lock=none");
        assertThat(a.changes()).hasSize(5);
        assertThat(a.changes().get(0)).isInstanceOf(AddColumn.class);
        assertThat(((AddColumn) a.changes().get(0)).column().toSchema("utf8mb4", true).unsigned()).isTrue();
        assertThat(a.changes().get(1)).isEqualTo(new DropColumn("old_col", false));
        assertThat(((ModifyColumn) a.changes().get(2)).oldName()).isEqualTo("note");
        ModifyColumn change = (ModifyColumn) a.changes().get(3);
        assertThat(change.oldName()).isEqualTo("a");
        assertThat(change.column().name()).isEqualTo("b");
        ColumnSchema dec = change.column().toSchema("utf8mb4", true);
        assertThat(dec.numericPrecision()).isEqualTo(12);
        assertThat(dec.numericScale()).isEqualTo(2);
        assertThat(a.changes().get(4)).isEqualTo(new RenameColumn("c", "d"));
    }

    @Test
    void indexEngineAndDefaultChangesChangeNoColumn() {
        assertThat(alter("ALTER TABLE orders ADD INDEX ix (a), ENGINE=InnoDB, COMMENT 'x'").changes()).isEmpty();
        assertThat(alter("ALTER TABLE orders ALTER COLUMN a SET DEFAULT 3").changes()).isEmpty();
        assertThat(alter("ALTER TABLE orders DROP INDEX ix, ADD UNIQUE KEY uk (b)").changes()).isEmpty();
        assertThat(DdlParser.parse("shop", "CREATE INDEX ix ON orders (a)")).isInstanceOf(DdlStatement.NoTableChange.class);
        assertThat(DdlParser.parse("shop", "GRANT SELECT ON shop.* TO 'u'@'%'")).isInstanceOf(DdlStatement.NoTableChange.class);
    }

    @Test
    void primaryKeyAndPartitionChangesAreUnsupported() {
        assertThat(alter("ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)").changes())
                .allMatch(c -> c instanceof DdlStatement.UnsupportedChange);
        assertThat(alter("ALTER TABLE orders TRUNCATE PARTITION p1").changes()).singleElement()
                .isInstanceOf(DdlStatement.UnsupportedChange.class);
        assertThat(alter("ALTER TABLE orders CONVERT TO CHARACTER SET latin1").changes()).singleElement()
                .isInstanceOf(DdlStatement.UnsupportedChange.class);
    }

    @Test
    void createTableWithKeysAliasesAndOptions() {
        DdlStatement s = DdlParser.parse("shop", """
                CREATE TABLE IF NOT EXISTS `shop`.`Refunds` (
                  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
                  line SMALLINT NOT NULL,
                  amount NUMERIC,
                  ok BOOLEAN DEFAULT TRUE,
                  kind ENUM('a','it''s') COLLATE utf8mb4_bin,
                  doc JSON,
                  at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                  PRIMARY KEY (id, `line`),
                  KEY ix_at (at),
                  CONSTRAINT fk FOREIGN KEY (id) REFERENCES orders (id)
                ) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci""");
        DdlStatement.CreateTable c = (DdlStatement.CreateTable) s;
        assertThat(c.table()).isEqualTo(new TableId("shop", "Refunds"));
        assertThat(c.ifNotExists()).isTrue();
        assertThat(c.charset()).isEqualTo("latin1");
        assertThat(c.primaryKey()).containsExactly("id", "line");
        assertThat(c.columns()).extracting(ColumnDefinition::name).containsExactly("id", "line", "amount", "ok", "kind", "doc", "at");
        List<ColumnSchema> cols = c.columns().stream().map(d -> d.toSchema(c.charset(), true)).toList();
        assertThat(cols.get(0).columnType()).isEqualTo("bigint unsigned");
        assertThat(cols.get(2).columnType()).isEqualTo("decimal(10,0)");
        assertThat(cols.get(3).columnType()).isEqualTo("tinyint(1)");
        assertThat(cols.get(4).enumValues()).containsExactly("a", "it's");
        assertThat(cols.get(4).charset()).isEqualTo("utf8mb4");
        assertThat(cols.get(5).json()).isTrue();
        assertThat(cols.get(5).dataType()).isEqualTo("longtext");
        assertThat(c.columns().get(5).toSchema("latin1", false).dataType()).isEqualTo("json");
        assertThat(cols.get(6).datetimePrecision()).isEqualTo(6);
    }

    @Test
    void inlinePrimaryKeyAndLike() {
        DdlStatement.CreateTable c = (DdlStatement.CreateTable) DdlParser.parse("shop", "create table t (id int primary key, v varchar(5) unique key)");
        assertThat(c.primaryKey()).containsExactly("id");
        DdlStatement.CreateTable like = (DdlStatement.CreateTable) DdlParser.parse("shop", "CREATE TABLE t2 LIKE other.t");
        assertThat(like.like()).isEqualTo(new TableId("other", "t"));
    }

    @Test
    void createSelectAndGeneratedColumnsAreUnsupportedNamingTheTable() {
        assertThat(DdlParser.parse("shop", "CREATE TABLE t2 AS SELECT * FROM orders")).isInstanceOf(DdlStatement.Unsupported.class);
        DdlStatement g = DdlParser.parse("shop", "ALTER TABLE orders ADD COLUMN total INT AS (a + b) VIRTUAL");
        assertThat(g).isInstanceOf(DdlStatement.Unsupported.class);
        assertThat(((DdlStatement.Unsupported) g).tables()).containsExactly(ORDERS);
    }

    @Test
    void dropRenameTruncateAndServerComments() {
        assertThat(DdlParser.parse("shop", "DROP TABLE IF EXISTS `orders`,`other`.`x` /* generated by server */"))
                .isEqualTo(new DdlStatement.DropTables("DROP TABLE IF EXISTS `orders`,`other`.`x` /* generated by server */",
                        List.of(ORDERS, new TableId("other", "x"))));
        DdlStatement.RenameTables r = (DdlStatement.RenameTables) DdlParser.parse("shop", "RENAME TABLE orders TO tmp, b TO orders");
        assertThat(r.from()).containsExactly(ORDERS, new TableId("shop", "b"));
        assertThat(r.to()).containsExactly(new TableId("shop", "tmp"), ORDERS);
        assertThat(((DdlStatement.Truncate) DdlParser.parse("shop", "TRUNCATE orders")).table()).isEqualTo(ORDERS);
        assertThat(alter("ALTER TABLE orders RENAME TO orders_old").renameTo()).isEqualTo(new TableId("shop", "orders_old"));
        assertThat(alter("/*!40000 ALTER TABLE orders ADD c INT */").changes()).hasSize(1);
        assertThat(DdlParser.parse("shop", "CREATE TEMPORARY TABLE t (id int)")).isInstanceOf(DdlStatement.NoTableChange.class);
        assertThat(((DdlStatement.DropSchema) DdlParser.parse(null, "DROP DATABASE IF EXISTS shop")).schema()).isEqualTo("shop");
    }
}
