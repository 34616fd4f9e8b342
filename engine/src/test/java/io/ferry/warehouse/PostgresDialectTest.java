package io.ferry.warehouse;

import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.replication.UnsupportedTypeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MySQL → PostgreSQL types: every value of the source type must fit the target type unchanged. */
class PostgresDialectTest {
    private static final PostgresDialect PG = new PostgresDialect();
    private static final TableId T = TableId.parse("shop.t");

    @ParameterizedTest(name = "{1} → {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "tinyint   | tinyint(4)           | -  | -  | -  | -       | SMALLINT",
            "tinyint   | tinyint(3) unsigned  | -  | -  | -  | -       | SMALLINT",
            "tinyint   | tinyint(1)           | -  | -  | -  | -       | SMALLINT",
            "smallint  | smallint(6)          | -  | -  | -  | -       | SMALLINT",
            "smallint  | smallint(5) unsigned | -  | -  | -  | -       | INTEGER",
            "mediumint | mediumint(8) unsigned| -  | -  | -  | -       | INTEGER",
            "int       | int(11)              | -  | -  | -  | -       | INTEGER",
            "int       | int(10) unsigned     | -  | -  | -  | -       | BIGINT",
            "bigint    | bigint(20)           | -  | -  | -  | -       | BIGINT",
            "bigint    | bigint(20) unsigned  | -  | -  | -  | -       | NUMERIC(20)",
            "decimal   | decimal(65,30)       | -  | 65 | 30 | -       | NUMERIC(65,30)",
            "decimal   | decimal(12,2)        | -  | 12 | 2  | -       | NUMERIC(12,2)",
            "float     | float                | -  | -  | -  | -       | REAL",
            "double    | double               | -  | -  | -  | -       | DOUBLE PRECISION",
            "char      | char(3)              | 3  | -  | -  | utf8mb4 | VARCHAR(3)",
            "varchar   | varchar(255)         | 255| -  | -  | utf8mb4 | VARCHAR(255)",
            "text      | text                 | -  | -  | -  | utf8mb4 | TEXT",
            "longtext  | longtext             | -  | -  | -  | utf8mb4 | TEXT",
            "enum      | enum('a','b')        | -  | -  | -  | utf8mb4 | TEXT",
            "set       | set('a','b')         | -  | -  | -  | utf8mb4 | TEXT",
            "json      | json                 | -  | -  | -  | -       | JSONB",
            "binary    | binary(4)            | -  | -  | -  | -       | BYTEA",
            "varbinary | varbinary(16)        | -  | -  | -  | -       | BYTEA",
            "blob      | blob                 | -  | -  | -  | -       | BYTEA",
            "longblob  | longblob             | -  | -  | -  | -       | BYTEA",
            "date      | date                 | -  | -  | -  | -       | DATE",
            "year      | year(4)              | -  | -  | -  | -       | SMALLINT",
            "bit       | bit(10)              | -  | -  | -  | -       | BIT VARYING(10)",
            "time      | time(6)              | -  | -  | -  | -       | INTERVAL",
    })
    void mapsEachTypeWithoutLoss(String dataType, String columnType, Long length, Integer precision, Integer scale,
                                 String charset, String expected) {
        ColumnSchema c = new ColumnSchema("c", dataType, columnType, true, length, precision, scale, null, charset,
                dataType.equals("json"));
        assertThat(PG.columnType(T, c)).isEqualTo(expected);
    }

    @Test
    void datetimeKeepsItsFractionAndTimestampBecomesAPointInTime() {
        assertThat(PG.columnType(T, new ColumnSchema("c", "datetime", "datetime(6)", true, null, null, null, 6, null, false)))
                .isEqualTo("TIMESTAMP(6)");
        assertThat(PG.columnType(T, new ColumnSchema("c", "timestamp", "timestamp", true, null, null, null, 0, null, false)))
                .isEqualTo("TIMESTAMPTZ(0)");
    }

    @Test
    void mariaDbJsonIsJsonb() {
        assertThat(PG.columnType(T, new ColumnSchema("c", "longtext", "longtext", true, null, null, null, null, "utf8mb4", true)))
                .isEqualTo("JSONB");
    }

    @Test
    void unsupportedTypesAreNamedNotGuessed() {
        ColumnSchema geometry = new ColumnSchema("shape", "geometry", "geometry", true, null, null, null, null, null, false);
        assertThatThrownBy(() -> PG.columnType(T, geometry))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessageContaining("shop.t.shape").hasMessageContaining("geometry").hasMessageContaining("Exclude the table");
    }

    @Test
    void everyIdentifierIsQuoted() {
        assertThat(PG.quote("order")).isEqualTo("\"order\"");
        assertThat(PG.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(PG.qualified("Shop", "Orders")).isEqualTo("\"Shop\".\"Orders\"");
        assertThatThrownBy(() -> PG.quote("x".repeat(64))).hasMessageContaining("63 bytes");
    }

    @Test
    void createsTheTableWithNotNullAndThePrimaryKey() {
        TableSchema schema = new TableSchema(T, List.of(
                new ColumnSchema("id", "bigint", "bigint(20) unsigned", false, null, null, null, null, null, false),
                new ColumnSchema("name", "varchar", "varchar(20)", true, 20L, null, null, null, "utf8mb4", false)),
                List.of("id"));
        assertThat(PG.createTable(PG.target(schema))).containsExactly(
                "CREATE SCHEMA IF NOT EXISTS \"shop\"",
                "CREATE TABLE \"shop\".\"t\" (\n  \"id\" NUMERIC(20) NOT NULL,\n  \"name\" VARCHAR(20),\n  PRIMARY KEY (\"id\")\n)");
    }
}
