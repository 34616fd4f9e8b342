package io.ferry.config;

import io.ferry.replication.TableId;
import io.ferry.replication.mapping.AddedColumn;
import io.ferry.replication.mapping.ColumnExpression;
import io.ferry.replication.mapping.MetadataColumns;
import io.ferry.replication.mapping.TableRule;
import io.ferry.replication.mapping.TableRules;
import io.ferry.warehouse.TargetPreparation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TableRulesBinderTest {
    private static final Path FILE = Path.of("/etc/ferry/ferry.yaml");
    private static final String JOB = """
            connections:
              shop: { type: mysql, host: db, user: ferry }
              dw: { type: postgresql, host: pg, database: analytics, user: ferry }
            jobs:
              j:
                type: replication
                source: shop
                target: dw
                tables: { include: "shop.*" }
            """;

    private static TableRules bind(String yaml) {
        return ConfigLoader.parse(JOB + yaml, FILE).jobs(ReplicationJobConfig.class).get(0).rules();
    }

    private static List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(JOB + yaml, FILE));
        assertThat(e).as("the configuration should be refused").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void everyRuleKeyIsBound() {
        TableRules rules = bind("""
                    rules:
                      - table: shop.orders
                        rename: orders_v2
                        columns:
                          rename: { amount: amount_usd, note: remark }
                          drop: [ secret, pin ]
                          add:
                            - { name: loaded_from, constant: prod }
                            - { name: answer, constant: 42 }
                            - { name: src_commit, value: commit_time }
                            - { name: job_name, value: job }
                            - { name: src_table, value: source_table }
                            - { name: src_schema, value: source_schema }
                      - table: shop.customers
                        columns: { drop: email }
                        targetPreparation: truncate
                      - table: shop.audit
                        targetPreparation: do-nothing
                """);

        assertThat(rules.tables()).containsExactly(
                new TableRule(new TableId("shop", "orders"), "orders_v2", Map.of("amount", "amount_usd", "note", "remark"),
                        List.of("secret", "pin"), List.of(AddedColumn.constant("loaded_from", "prod"),
                        AddedColumn.constant("answer", "42"), AddedColumn.of("src_commit", ColumnExpression.COMMIT_TIME),
                        AddedColumn.of("job_name", ColumnExpression.JOB), AddedColumn.of("src_table", ColumnExpression.SOURCE_TABLE),
                        AddedColumn.of("src_schema", ColumnExpression.SOURCE_SCHEMA))),
                new TableRule(new TableId("shop", "customers"), null, Map.of(), List.of("email"), List.of(),
                        TargetPreparation.TRUNCATE),
                new TableRule(new TableId("shop", "audit"), null, Map.of(), List.of(), List.of(), TargetPreparation.DO_NOTHING));
        assertThat(rules.metadata()).isEqualTo(MetadataColumns.NONE);
    }

    @Test
    void withoutRulesOrMetadataTheTablesAreTakenAsTheyAre() {
        assertThat(bind("")).isEqualTo(TableRules.NONE);
        assertThat(bind("")).matches(TableRules::isEmpty);
    }

    @Test
    void metadataColumnsTakeTheirDefaultNamesOrTheGivenOnes() {
        assertThat(bind("""
                    metadata: { operation: true, commitTime: true, softDelete: true }
                """).metadata()).isEqualTo(new MetadataColumns("_ferry_op", "_ferry_commit_time", "_ferry_is_deleted"));
        assertThat(bind("""
                    metadata: { operation: op, commitTime: false, softDelete: is_gone }
                """).metadata()).isEqualTo(new MetadataColumns("op", null, "is_gone"));
        assertThat(bind("""
                    metadata: { commitTime: true }
                """).metadata()).isEqualTo(new MetadataColumns(null, "_ferry_commit_time", null));
    }

    @Test
    void everyWrongRuleIsReportedWithItsLineAndKey() {
        assertThat(problems("""
                    metadata: { operation: 12.5, softDelete: _ferry_deleted, comitTime: true }
                    rules:
                      - table: orders
                        rename: dw.orders
                      - table: shop.o*
                        columns: { rename: { a: b }, dorp: [ x ] }
                      - table: shop.items
                        columns:
                          add:
                            - { name: a, constant: x, value: job }
                            - { name: b, value: commit_tme }
                            - { name: c }
                            - just_a_name
                      - table: shop.items
                        rename: items2
                        targetPreparation: wipe
                      - table: shop.empty
                      - not a rule
                """)).containsExactlyInAnyOrder(
                "/etc/ferry/ferry.yaml:10:28: jobs.j.metadata.operation: expected true, false or a column name (true names"
                        + " it _ferry_op), found a decimal number '12.5'",
                "/etc/ferry/ferry.yaml:10:46: jobs.j.metadata.softDelete: the name _ferry_deleted is reserved for Ferry's"
                        + " staging tables; choose another",
                "/etc/ferry/ferry.yaml:10:62: jobs.j.metadata.comitTime: unknown key; did you mean 'commitTime'? the keys of"
                        + " the metadata columns of a replication job are: operation, commitTime, softDelete",
                "/etc/ferry/ferry.yaml:12:16: jobs.j.rules[0].table: Expected schema.table, got 'orders'",
                "/etc/ferry/ferry.yaml:13:17: jobs.j.rules[0].rename: a name without a dot, found 'dw.orders' (the target"
                        + " schema is the job's targetSchema)",
                "/etc/ferry/ferry.yaml:14:16: jobs.j.rules[1].table: a table rule names one table, not a pattern: write"
                        + " schema.table, e.g. shop.orders",
                "/etc/ferry/ferry.yaml:15:38: jobs.j.rules[1].columns.dorp: unknown key; did you mean 'drop'? the keys of"
                        + " the column rules of a table (rename, drop, add) are: rename, drop, add",
                "/etc/ferry/ferry.yaml:19:15: jobs.j.rules[2].columns.add[0]: give either constant: (a text written into"
                        + " every row) or value: (one of commit_time, job, source_table, source_schema)",
                "/etc/ferry/ferry.yaml:20:33: jobs.j.rules[2].columns.add[1].value: expected one of commit_time, job,"
                        + " source_table, source_schema; found 'commit_tme' (did you mean 'commit_time'?)",
                "/etc/ferry/ferry.yaml:21:15: jobs.j.rules[2].columns.add[2]: give either constant: (a text written into"
                        + " every row) or value: (one of commit_time, job, source_table, source_schema)",
                "/etc/ferry/ferry.yaml:22:15: jobs.j.rules[2].columns.add[3]: expected a column (name: and constant: or"
                        + " value:), found a text",
                "/etc/ferry/ferry.yaml:23:16: jobs.j.rules[3].table: a second rule for shop.items: write one rule per table",
                "/etc/ferry/ferry.yaml:25:28: jobs.j.rules[3].targetPreparation: expected one of drop-and-create, truncate,"
                        + " do-nothing; found 'wipe'",
                "/etc/ferry/ferry.yaml:26:9: jobs.j.rules[4]: the rule for shop.empty changes nothing: give rename:,"
                        + " columns: (rename, drop, add) or targetPreparation:",
                "/etc/ferry/ferry.yaml:27:9: jobs.j.rules[5]: expected a table rule (a mapping with table: and rename: or"
                        + " columns:), found a text");
    }

    @Test
    void rulesMustBeAList() {
        assertThat(problems("""
                    rules: { table: shop.orders }
                """)).containsExactly("/etc/ferry/ferry.yaml:10:12: jobs.j.rules: expected a list of table rules"
                + " (- table: shop.orders ...), found a mapping");
    }
}
