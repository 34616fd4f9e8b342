package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CascadePlanTest {
    private static final TableId ADV = TableId.parse("shop.advertisers");
    private static final TableId CAMP = TableId.parse("shop.campaigns");
    private static final TableId CRE = TableId.parse("shop.creatives");
    private static final TableId ORD = TableId.parse("shop.orders");

    private static TableSchema table(TableId id, String... columns) {
        List<ColumnSchema> cols = java.util.Arrays.stream(columns).map(c -> Columns.notNull(c, "int", "int(11)")).toList();
        return new TableSchema(id, cols, List.of(columns[0]));
    }

    private static ForeignKey fk(TableId child, String column, TableId parent, ForeignKey.Action onDelete, ForeignKey.Action onUpdate) {
        return new ForeignKey("fk_" + child.table(), child, List.of(column), parent, List.of("id"), onDelete, onUpdate);
    }

    private static Map<TableId, TableSchema> schemas() {
        Map<TableId, TableSchema> m = new LinkedHashMap<>();
        m.put(ADV, table(ADV, "id"));
        m.put(CAMP, table(CAMP, "id", "advertiser_id"));
        m.put(CRE, table(CRE, "id", "campaign_id"));
        m.put(ORD, table(ORD, "id", "campaign_id"));
        return m;
    }

    @Test
    void ordersParentsBeforeTheirChildren() {
        CascadePlan plan = new CascadePlan(List.of(
                fk(CRE, "campaign_id", CAMP, ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT),
                fk(ORD, "campaign_id", CAMP, ForeignKey.Action.SET_NULL, ForeignKey.Action.RESTRICT),
                fk(CAMP, "advertiser_id", ADV, ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)), schemas());
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.parents()).containsExactly(ADV, CAMP);
        assertThat(plan.edgesFrom(CAMP)).extracting(ForeignKey::child).containsExactly(CRE, ORD);
    }

    @Test
    void restrictOnlyKeysNeedNothing() {
        CascadePlan plan = new CascadePlan(List.of(fk(CAMP, "advertiser_id", ADV, ForeignKey.Action.RESTRICT, ForeignKey.Action.RESTRICT)),
                schemas());
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void keyChangesUniqueKeysAndTreesAreRepeated() {
        TableId tree = TableId.parse("shop.categories");
        Map<TableId, TableSchema> schemas = schemas();
        schemas.put(tree, table(tree, "id", "parent_id"));
        schemas.put(ADV, table(ADV, "id", "code"));
        ForeignKey byCode = new ForeignKey("fk_code", CAMP, List.of("advertiser_id"), ADV, List.of("code"),
                ForeignKey.Action.SET_NULL, ForeignKey.Action.CASCADE);
        CascadePlan plan = new CascadePlan(List.of(
                fk(CRE, "campaign_id", CAMP, ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE),
                fk(ORD, "campaign_id", CAMP, ForeignKey.Action.RESTRICT, ForeignKey.Action.SET_NULL),
                byCode,
                fk(tree, "parent_id", tree, ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT)), schemas);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.order()).containsSubsequence(ADV, CAMP, CRE).contains(tree, ORD);
        assertThat(plan.referencedKeys(ADV)).containsExactly(List.of("code"));
        assertThat(plan.referencedKeys(tree)).containsExactly(List.of("id"));
        assertThat(plan.edgesInto(tree)).extracting(ForeignKey::parent).containsExactly(tree);
    }

    @Test
    void whatCannotBeRepeatedIsAProblemForThePreflight() {
        Map<TableId, TableSchema> schemas = schemas();
        TableId lines = TableId.parse("shop.lines");
        schemas.put(lines, new TableSchema(lines, List.of(Columns.notNull("order_id", "int", "int(11)"),
                Columns.notNull("n", "int", "int(11)")), List.of("order_id", "n")));
        CascadePlan plan = new CascadePlan(List.of(
                fk(CAMP, "advertiser_id", ADV, ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE),
                fk(ADV, "id", CAMP, ForeignKey.Action.CASCADE, ForeignKey.Action.RESTRICT)), schemas);
        assertThat(plan.problems()).anySatisfy(p -> assertThat(p).contains("cycle through several tables"));
        assertThat(plan.isEmpty()).isTrue();

        CascadePlan rekeysChildKey = new CascadePlan(List.of(
                fk(lines, "order_id", ORD, ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE)), schemas);
        assertThat(rekeysChildKey.problems()).singleElement().satisfies(p -> assertThat(p)
                .contains("changes columns of the primary key of shop.lines").contains("ON UPDATE RESTRICT"));

        CascadePlan setDefault = new CascadePlan(List.of(
                fk(CRE, "campaign_id", CAMP, ForeignKey.Action.SET_DEFAULT, ForeignKey.Action.RESTRICT)), schemas);
        assertThat(setDefault.problems()).singleElement().satisfies(p -> assertThat(p).contains("SET DEFAULT"));

        CascadePlan further = new CascadePlan(List.of(
                fk(CAMP, "advertiser_id", ADV, ForeignKey.Action.CASCADE, ForeignKey.Action.CASCADE),
                new ForeignKey("fk_adv", CRE, List.of("campaign_id"), CAMP, List.of("advertiser_id"), ForeignKey.Action.CASCADE,
                        ForeignKey.Action.RESTRICT)), schemas);
        assertThat(further.problems()).singleElement().satisfies(p -> assertThat(p).contains("would cascade on"));
        assertThat(further.isEmpty()).isTrue();
    }
}
