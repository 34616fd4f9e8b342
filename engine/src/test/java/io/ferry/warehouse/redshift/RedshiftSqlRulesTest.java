package io.ferry.warehouse.redshift;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.ForeignKey;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.mapping.AddedColumn;
import io.ferry.replication.mapping.ColumnExpression;
import io.ferry.replication.mapping.MetadataColumns;
import io.ferry.replication.mapping.TableMapping;
import io.ferry.replication.mapping.TableRule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL accepts SQL that Redshift rejects, so the ITs (which run on PostgreSQL behind pgbouncer) cannot catch
 * it. This test generates every statement the Redshift dialect can emit, for a representative set of tables, and
 * checks each against Redshift's documented rules; and checks that docs/redshift-sql.md lists every statement.
 */
class RedshiftSqlRulesTest {
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");
    private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");
    /** PostgreSQL-only SQL that Redshift rejects or reads differently (TEXT is a VARCHAR(256) there). */
    private static final List<String> NOT_REDSHIFT = List.of("ON CONFLICT", "RETURNING", "IS NOT DISTINCT FROM", "IS DISTINCT FROM",
            "ON COMMIT", "::", "TO_REGCLASS", "JSONB", "BYTEA", "INTERVAL", "BIT VARYING", " TEXT", "(LIKE ", "FROM STDIN",
            "NUMERIC(", "TIMESTAMP(", "WITH ", "SERIAL", "GENERATED");
    private static final List<String> SILENT_COPY_OPTIONS = List.of("ACCEPTINVCHARS", "TRUNCATECOLUMNS", "EMPTYASNULL",
            "BLANKSASNULL", "FILLRECORD", "MAXERROR", "ACCEPTANYDATE", "IGNOREBLANKLINES", "ROUNDEC");

    private static ColumnSchema col(String name, String type, String columnType, Long chars, Integer p, Integer s, String charset) {
        return new ColumnSchema(name, type, columnType, true, chars, p, s, type.startsWith("date") || type.equals("timestamp") ? 6 : null,
                charset, type.equals("json"));
    }

    private static ColumnSchema key(String name) {
        return new ColumnSchema(name, "bigint", "bigint(20) unsigned", false, null, 20, 0, null, null, false);
    }

    /** Every mapped MySQL type, mixed-case names, a composite key, long names, text that can overflow. */
    static List<TableSchema> representativeTables() {
        List<TableSchema> tables = new ArrayList<>();
        tables.add(new TableSchema(new TableId("Shop", "Every_Type"), List.of(
                key("ID"),
                col("tiny", "tinyint", "tinyint(4)", null, 3, 0, null), col("flag", "tinyint", "tinyint(1)", null, 3, 0, null),
                col("usmall", "smallint", "smallint(5) unsigned", null, 5, 0, null), col("med", "mediumint", "mediumint(9)", null, 7, 0, null),
                col("uint", "int", "int(10) unsigned", null, 10, 0, null), col("big", "bigint", "bigint(20)", null, 19, 0, null),
                col("ubig", "bigint", "bigint(20) unsigned", null, 20, 0, null), col("amount", "decimal", "decimal(38,10)", null, 38, 10, null),
                col("f", "float", "float", null, 12, null, null), col("d", "double", "double", null, 22, null, null),
                col("Name", "varchar", "varchar(255)", 255L, null, null, "utf8mb4"), col("code", "char", "char(3)", 3L, null, null, "latin1"),
                col("huge", "varchar", "varchar(20000)", 20000L, null, null, "utf8mb4"),
                col("tt", "tinytext", "tinytext", 255L, null, null, "utf8mb4"), col("body", "text", "text", 65535L, null, null, "utf8mb4"),
                col("mt", "mediumtext", "mediumtext", 16777215L, null, null, "utf8mb4"), col("lt", "longtext", "longtext", 4294967295L, null, null, "utf8mb4"),
                col("status", "enum", "enum('new','old')", 3L, null, null, "utf8mb4"), col("tags", "set", "set('a','b','c')", 5L, null, null, "utf8mb4"),
                col("doc", "json", "json", null, null, null, null),
                col("bin", "binary", "binary(16)", 16L, null, null, null), col("vb", "varbinary", "varbinary(300)", 300L, null, null, null),
                col("bl", "blob", "blob", 65535L, null, null, null), col("lb", "longblob", "longblob", 4294967295L, null, null, null),
                col("born", "date", "date", null, null, null, null), col("at", "datetime", "datetime(6)", null, null, null, null),
                col("ts", "timestamp", "timestamp(6)", null, null, null, null), col("dur", "time", "time(6)", null, null, null, null),
                col("yr", "year", "year(4)", null, null, null, null), col("bits", "bit", "bit(10)", null, null, null, null)),
                List.of("ID")));
        tables.add(new TableSchema(new TableId("shop", "Order_Lines"), List.of(
                new ColumnSchema("OrderId", "int", "int(11)", false, null, 10, 0, null, null, false),
                new ColumnSchema("LineNo", "smallint", "smallint(6)", false, null, 5, 0, null, null, false),
                col("note", "varchar", "varchar(40)", 40L, null, null, "utf8mb3")), List.of("OrderId", "LineNo")));
        tables.add(mappedByTableRules());
        String longName = "c".repeat(RedshiftDialect.MAX_IDENTIFIER_BYTES);
        tables.add(new TableSchema(new TableId("s", "t".repeat(RedshiftDialect.MAX_IDENTIFIER_BYTES)),
                List.of(key(longName), col("Ünïcode", "varchar", "varchar(10)", 10L, null, null, "utf8mb4")), List.of(longName)));
        return tables;
    }

    /**
     * A table as table rules make it: renamed, a column renamed and one dropped, a constant and the commit time added,
     * and the operation, commit-time and soft-delete metadata columns (VARCHAR(1), TIMESTAMPTZ, BOOLEAN).
     */
    static TableSchema mappedByTableRules() {
        TableId id = new TableId("Shop", "Orders");
        TableSchema source = new TableSchema(id, List.of(key("ID"), col("Amount", "decimal", "decimal(10,2)", null, 10, 2, null),
                col("secret", "varchar", "varchar(20)", 20L, null, null, "utf8mb4")), List.of("ID"));
        TableRule rule = new TableRule(id, "Orders_V2", Map.of("Amount", "amount_usd"), List.of("secret"),
                List.of(AddedColumn.constant("loaded_from", "prod"), AddedColumn.of("src_commit", ColumnExpression.COMMIT_TIME)));
        MetadataColumns metadata = new MetadataColumns(MetadataColumns.DEFAULT_OPERATION, MetadataColumns.DEFAULT_COMMIT_TIME,
                MetadataColumns.DEFAULT_DELETED);
        return TableMapping.of("job", source, java.util.Optional.of(rule), metadata, new ArrayList<>()).orElseThrow().target();
    }

    static List<RedshiftDialect> dialects() {
        TableId orderLines = new TableId("shop", "Order_Lines");
        return List.of(new RedshiftDialect(),
                new RedshiftDialect(RedshiftOptions.defaults().withOversize(RedshiftOptions.Oversize.TRUNCATE)
                        .withWideDecimal(RedshiftOptions.WideDecimal.VARCHAR)
                        .withLayout(orderLines, new RedshiftOptions.Layout("EVEN", null, List.of("LineNo")))));
    }

    private static List<Map.Entry<String, String>> everyStatement() {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        for (RedshiftDialect dialect : dialects()) {
            RedshiftStatements statements = new RedshiftStatements(dialect);
            for (TableSchema table : representativeTables()) {
                all.addAll(statements.all(table).entrySet());
            }
            for (ForeignKey fk : representativeForeignKeys()) {
                all.addAll(statements.cascades(fk, tableOf(fk.parent()), tableOf(fk.child())).entrySet());
            }
        }
        return all;
    }

    private static final TableId ORDERS = new TableId("Shop", "Orders");
    private static final TableId LINES = new TableId("shop", "Order_Lines");
    private static final TableId TREE = new TableId("Shop", "Category_Tree");

    /** The parent of Order_Lines by its key and by a unique key, and a table referencing itself. */
    private static TableSchema tableOf(TableId id) {
        if (id.equals(ORDERS)) {
            return new TableSchema(ORDERS, List.of(key("ID"), col("Code", "varchar", "varchar(20)", 20L, null, null, "utf8mb4")),
                    List.of("ID"));
        }
        if (id.equals(TREE)) {
            return new TableSchema(TREE, List.of(key("Id"), new ColumnSchema("Parent_Id", "bigint", "bigint(20) unsigned", true, null, 20, 0,
                    null, null, false)), List.of("Id"));
        }
        return new TableSchema(LINES, List.of(
                new ColumnSchema("OrderId", "int", "int(11)", false, null, 10, 0, null, null, false),
                new ColumnSchema("LineNo", "smallint", "smallint(6)", false, null, 5, 0, null, null, false),
                new ColumnSchema("Order_Id", "bigint", "bigint(20) unsigned", true, null, 20, 0, null, null, false),
                col("Order_Code", "varchar", "varchar(20)", 20L, null, null, "utf8mb4")), List.of("OrderId", "LineNo"));
    }

    static List<ForeignKey> representativeForeignKeys() {
        return List.of(
                new ForeignKey("by_id", LINES, List.of("Order_Id"), ORDERS, List.of("ID"), ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE),
                new ForeignKey("by_code", LINES, List.of("Order_Code"), ORDERS, List.of("Code"), ForeignKey.Action.SET_NULL,
                        ForeignKey.Action.SET_NULL),
                new ForeignKey("tree", TREE, List.of("Parent_Id"), TREE, List.of("Id"), ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT));
    }

    @Test
    void everyStatementFollowsRedshiftsDocumentedRules() {
        List<Map.Entry<String, String>> all = everyStatement();
        assertThat(all).hasSizeGreaterThan(50);
        for (Map.Entry<String, String> e : all) {
            String sql = e.getValue();
            String upper = withoutQuoted(sql).toUpperCase(Locale.ROOT);
            String what = e.getKey() + ": " + sql;

            assertThat(upper).as("TRUNCATE commits the open transaction: " + what).doesNotContain("TRUNCATE ");
            for (String pgOnly : NOT_REDSHIFT) {
                assertThat(upper).as("not Redshift SQL (" + pgOnly.trim() + "): " + what).doesNotContain(pgOnly);
            }
            checkMerge(upper, what);

            Matcher d = DECIMAL.matcher(upper);
            while (d.find()) {
                assertThat(Integer.parseInt(d.group(1))).as("DECIMAL precision: " + what).isBetween(1, 38);
            }
            Matcher v = VARCHAR.matcher(upper);
            while (v.find()) {
                assertThat(Integer.parseInt(v.group(1))).as("VARCHAR bytes: " + what).isBetween(1, 65535);
            }
            Matcher q = QUOTED.matcher(sql);
            while (q.find()) {
                String identifier = q.group(1).replace("\"\"", "\"");
                assertThat(identifier).as("identifiers are folded to lower case: " + what).isEqualTo(identifier.toLowerCase(Locale.ROOT));
                assertThat(identifier.getBytes(StandardCharsets.UTF_8).length).as("identifier bytes: " + what).isBetween(1, 127);
            }
            Matcher named = Pattern.compile("\\b(?:INSERT INTO|DELETE FROM|UPDATE|CREATE SCHEMA IF NOT EXISTS|CREATE TABLE IF NOT EXISTS|"
                    + "CREATE TABLE(?! IF)|CREATE TEMPORARY TABLE|DROP TABLE IF EXISTS|DROP TABLE(?! IF)|USING|COPY|FROM) ([^ (]+)").matcher(sql);
            while (named.find()) {
                if (!named.group(1).startsWith("information_schema.") && !named.group(1).startsWith("'")) {
                    assertThat(named.group(1)).as("every identifier quoted: " + what).startsWith("\"");
                }
            }
            if (upper.startsWith("UPDATE ")) {
                assertThat(upper).as("UPDATE: no alias on the target: " + what).containsPattern("^UPDATE \"X\"(\\.\"X\")? SET ");
                String set = upper.substring(upper.indexOf(" SET "), upper.contains(" FROM ") ? upper.indexOf(" FROM ") : upper.length());
                assertThat(set).as("UPDATE: SET columns unqualified: " + what).doesNotContainPattern("(SET |, )[A-Z_\"]+\\.\"X\" = ");
                String from = upper.contains(" FROM ") ? upper.substring(upper.indexOf(" FROM ")) : "";
                assertThat(from).as("UPDATE: no outer join in FROM: " + what).doesNotContainPattern("(LEFT|RIGHT|FULL) (OUTER )?JOIN");
            }
            if (upper.contains("ALTER COLUMN")) {
                assertThat(upper).as("ALTER COLUMN TYPE only widens a VARCHAR: " + what).containsPattern("TYPE VARCHAR\\(\\d+\\)$");
            }
            if (upper.startsWith("COPY ")) {
                assertThat(upper).as("COPY reads a manifest: " + what).contains(" MANIFEST ");
                assertThat(sql).as("COPY reads a manifest: " + what).containsPattern("FROM 's3://[^']+\\.manifest'");
                assertThat(sql).as("explicit NULL encoding: " + what).contains("NULL AS '\\\\N'").contains(" ESCAPE ");
                for (String silent : SILENT_COPY_OPTIONS) {
                    assertThat(upper).as(silent + " changes data silently: " + what).doesNotContain(silent);
                }
            }
        }
    }

    /** Redshift's MERGE: one WHEN MATCHED (UPDATE or DELETE), one WHEN NOT MATCHED (INSERT), no extra conditions. */
    private static void checkMerge(String upper, String what) {
        if (!upper.startsWith("MERGE")) {
            return;
        }
        assertThat(count(upper, "WHEN MATCHED")).as(what).isLessThanOrEqualTo(1);
        assertThat(count(upper, "WHEN NOT MATCHED")).as(what).isLessThanOrEqualTo(1);
        assertThat(upper).as("no conditions on MERGE clauses: " + what).doesNotContainPattern("WHEN (NOT )?MATCHED AND");
    }

    @Test
    void theApplyIsDeleteUsingThenInsertSelectNeverAMergeOrATruncate() {
        List<String> kinds = everyStatement().stream().map(Map.Entry::getKey).distinct().toList();
        assertThat(kinds).contains("delete-using-stage", "insert-from-stage").doesNotContain("merge");
        assertThat(everyStatement()).noneMatch(e -> e.getValue().toUpperCase(Locale.ROOT).startsWith("MERGE"));
        TableSchema lines = representativeTables().get(1);
        RedshiftStatements sql = new RedshiftStatements(new RedshiftDialect());
        assertThat(sql.deleteUsingStage(lines, "ferry_stage_0")).isEqualTo("DELETE FROM \"shop\".\"order_lines\" USING \"ferry_stage_0\" "
                + "WHERE \"order_lines\".\"orderid\" = \"ferry_stage_0\".\"orderid\" AND \"order_lines\".\"lineno\" = \"ferry_stage_0\".\"lineno\"");
        assertThat(sql.insertFromStage(lines, "ferry_stage_0")).isEqualTo("INSERT INTO \"shop\".\"order_lines\" (\"orderid\", \"lineno\", "
                + "\"note\") SELECT \"orderid\", \"lineno\", \"note\" FROM \"ferry_stage_0\" WHERE NOT \"_ferry_deleted\"");
        assertThat(sql.deleteAll(lines)).isEqualTo("DELETE FROM \"shop\".\"order_lines\"");
    }

    @Test
    void typesFollowTheDocumentedMapping() {
        TableSchema every = representativeTables().get(0);
        RedshiftDialect dialect = new RedshiftDialect();
        String ddl = dialect.createTable(dialect.target(every)).get(1);
        assertThat(ddl).contains("\"id\" DECIMAL(20,0) NOT NULL", "\"name\" VARCHAR(1020)", "\"code\" VARCHAR(9)",
                "\"huge\" VARCHAR(65535)", "\"tt\" VARCHAR(255)", "\"body\" VARCHAR(65535)", "\"lt\" VARCHAR(65535)",
                "\"status\" VARCHAR(3)", "\"tags\" VARCHAR(6)", "\"doc\" SUPER", "\"bin\" VARCHAR(32)", "\"vb\" VARCHAR(600)",
                "\"bl\" VARCHAR(65535)", "\"at\" TIMESTAMP", "\"ts\" TIMESTAMPTZ", "\"dur\" VARCHAR(17)", "\"yr\" SMALLINT",
                "\"bits\" VARCHAR(10)", "\"flag\" SMALLINT", "\"usmall\" INTEGER", "\"uint\" BIGINT", "\"amount\" DECIMAL(38,10)",
                "\"f\" REAL", "\"d\" DOUBLE PRECISION", "PRIMARY KEY (\"id\")")
                .endsWith(")\nDISTSTYLE KEY DISTKEY (\"id\")\nCOMPOUND SORTKEY (\"id\")");
        assertThat(dialect.columns(every)).filteredOn(RedshiftColumn::mayOverflow).extracting(c -> c.source().name())
                .containsExactlyInAnyOrder("huge", "mt", "lt", "bl", "lb");
    }

    @Test
    void aConfiguredLayoutReplacesTheKeysFromThePrimaryKey() {
        RedshiftDialect dialect = dialects().get(1);
        TableSchema lines = representativeTables().get(1);
        assertThat(dialect.createTable(dialect.target(lines)).get(1)).endsWith(")\nDISTSTYLE EVEN\nCOMPOUND SORTKEY (\"lineno\")");
        assertThat(new RedshiftDialect().createTable(dialect.target(lines)).get(1))
                .endsWith(")\nDISTSTYLE KEY DISTKEY (\"orderid\")\nCOMPOUND SORTKEY (\"orderid\", \"lineno\")");
    }

    @Test
    void refusalsAreClearAndNameTheColumn() {
        RedshiftDialect dialect = new RedshiftDialect();
        TableId t = new TableId("shop", "wide");
        ColumnSchema wide = new ColumnSchema("price", "decimal", "decimal(65,30)", true, null, 65, 30, null, null, false);
        assertThatThrownBy(() -> dialect.columnType(t, wide)).hasMessageContaining("shop.wide.price is decimal(65,30)")
                .hasMessageContaining("at most 38 digits");
        assertThat(dialects().get(1).columnType(t, wide)).isEqualTo("VARCHAR(67)");
        assertThatThrownBy(() -> dialect.quote("x".repeat(128))).hasMessageContaining("128 bytes long")
                .hasMessageContaining("127");
        assertThatThrownBy(() -> dialect.quote("é".repeat(64))).hasMessageContaining("128 bytes long");
        TableSchema clash = new TableSchema(t, List.of(key("id"), key("ID")), List.of("id"));
        assertThatThrownBy(() -> dialect.columns(clash)).hasMessageContaining("Columns id and ID of shop.wide are one name");
    }

    @Test
    void docsRedshiftSqlListsEveryStatement() throws Exception {
        Path doc = Path.of("..", "docs", "redshift-sql.md");
        String text = Files.readString(doc);
        for (String kind : everyStatement().stream().map(Map.Entry::getKey).distinct().toList()) {
            assertThat(text).as("docs/redshift-sql.md lists " + kind).contains("`" + kind + "`");
        }
    }

    private static String withoutQuoted(String sql) {
        return QUOTED.matcher(sql.replaceAll("'(?:[^']|'')*'", "''")).replaceAll("\"x\"");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
