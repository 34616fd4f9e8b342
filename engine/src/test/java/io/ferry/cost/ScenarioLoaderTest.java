package io.ferry.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {
    private static final String OWNED = Scenarios.freeOwned("app");

    @Test
    void thePresetLoadsAndCarriesWhatTheListLeavesOut() {
        Scenario s = ScenarioLoader.preset("druid-adtech");
        assertThat(s.cloud().groups()).extracting(Scenario.NodeGroup::role)
                .contains("broker", "coordinator", "historical-cold", "historical-hot", "middle-manager",
                        "overlord", "zookeeper", "kafka");
        assertThat(s.cloud().groups()).filteredOn(g -> g.role().equals("middle-manager")).singleElement()
                .satisfies(g -> {
                    assertThat(g.count()).isEqualTo(15);
                    assertThat(g.instanceType()).isEqualTo("c4.4xlarge");
                    assertThat(g.ebsType()).isEqualTo("gp2");
                    assertThat(g.ebsGb()).isEqualTo(300);
                });
        assertThat(s.cloud().dbs()).singleElement().extracting(Scenario.ManagedDatabase::instanceClass)
                .isEqualTo("db.m3.medium");
        assertThat(s.cloud().stores()).extracting(Scenario.ObjectStore::name).containsExactly("raw-events", "deep-storage");
        assertThat(s.cloud().transfer().crossAz()).isPositive();
        assertThat(new ScenarioValidator(Scenarios.CATALOGUE).problems(s)).isEmpty();
    }

    @Test
    void savedYamlLoadsBackTheSame(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.preset("druid-adtech");
        Path file = dir.resolve("copy.yaml");
        ScenarioLoader.save(s, file);
        assertThat(ScenarioLoader.load(file)).isEqualTo(s);
    }

    @Test
    void aNegativeCountIsRefusedNamingTheField() {
        Scenario s = Scenarios.of("name: x", """
                  nodeGroups:
                    - {role: app, count: -2, instanceType: m5.large}
                """, OWNED);
        assertThatThrownBy(() -> Scenarios.compute(s))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cloud.nodeGroups[0].count: must be 0 or more, was -2");
    }

    @Test
    void anUnknownInstanceTypeIsRefusedWithTheClosestKnownOnes() {
        Scenario s = Scenarios.of("name: x", """
                  nodeGroups:
                    - {role: app, count: 2, instanceType: m4.xlargee}
                """, OWNED);
        assertThatThrownBy(() -> Scenarios.compute(s))
                .hasMessageContaining("cloud.nodeGroups[0].instanceType: unknown instance type 'm4.xlargee'")
                .hasMessageContaining("m4.xlarge");
    }

    @Test
    void aHorizonOfZeroIsRefused() {
        Scenario s = Scenarios.of("horizonMonths: 0", """
                  nodeGroups:
                    - {role: app, count: 2, instanceType: m5.large}
                """, OWNED);
        assertThatThrownBy(() -> Scenarios.compute(s))
                .hasMessageContaining("horizonMonths: must be between 1 and 600 months, was 0");
    }

    @Test
    void unknownFieldsAndBadValuesNameTheirPath() {
        assertThatThrownBy(() -> Scenarios.of("name: x", """
                  nodeGroups:
                    - {role: app, cont: 2, instanceType: m5.large}
                """, OWNED))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cloud.nodeGroups[0].cont: unknown field");
        assertThatThrownBy(() -> Scenarios.of("name: x", """
                  nodeGroups:
                    - {role: app, count: 2, instanceType: m5.large, purchase: {option: lease}}
                """, OWNED))
                .hasMessageContaining("cloud.nodeGroups[0].purchase.option")
                .hasMessageContaining("'lease' is not a purchase option");
        assertThatThrownBy(() -> Scenarios.of("name: x", """
                  nodeGroups:
                    - {role: app, count: many, instanceType: m5.large}
                """, OWNED))
                .hasMessageContaining("cloud.nodeGroups[0].count");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Scenario s = Scenarios.of("horizonMonths: 0", """
                  nodeGroups:
                    - {role: app, count: -1, instanceType: nope.large, ebsGbPerNode: 100}
                """, """
                  power: {pue: 0.5, pricePerKwh: 0.1}
                  servers:
                    - {matches: ghost, price: 0}
                """);
        assertThatThrownBy(() -> Scenarios.compute(s))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .anyMatch(x -> x.startsWith("horizonMonths"))
                        .anyMatch(x -> x.startsWith("cloud.nodeGroups[0].count"))
                        .anyMatch(x -> x.startsWith("cloud.nodeGroups[0].instanceType"))
                        .anyMatch(x -> x.startsWith("cloud.nodeGroups[0].ebsType: missing"))
                        .anyMatch(x -> x.startsWith("owned.power.pue"))
                        .anyMatch(x -> x.startsWith("owned.servers[0].matches: 'ghost'"))
                        .anyMatch(x -> x.startsWith("owned.servers[0].price"))
                        .anyMatch(x -> x.startsWith("owned.servers: nothing matches 'app'")));
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml: file not found");
    }
}
