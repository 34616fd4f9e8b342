package io.ferry.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceCatalogueTest {
    private final PriceCatalogue c = PriceCatalogue.shipped();

    @Test
    void theShippedCatalogueSaysWhenAndWhereItsPricesComeFrom() {
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(c.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(c.source()).contains("AWS");
        assertThat(c.hoursPerMonth()).isEqualTo(730);
    }

    @Test
    void thePresetsInstanceTypesArePricedAndPreviousGenerationsPointToACurrentOneThatIsPricedToo() {
        assertThat(c.ec2("m4.xlarge").orElseThrow().onDemandHourly()).isEqualTo(0.20);
        assertThat(c.ec2("m4.2xlarge").orElseThrow().onDemandHourly()).isEqualTo(0.40);
        assertThat(c.ec2("c4.large").orElseThrow().onDemandHourly()).isEqualTo(0.10);
        assertThat(c.ec2("c4.4xlarge").orElseThrow().onDemandHourly()).isEqualTo(0.796);
        assertThat(c.ec2("c4.4xlarge").orElseThrow().previousGeneration()).isTrue();
        assertThat(c.rds("db.m3.medium").orElseThrow().previousGeneration()).isTrue();
        for (InstancePrice p : c.ec2Types()) {
            if (p.previousGeneration()) {
                assertThat(c.ec2(p.currentEquivalent())).as(p.type() + " -> " + p.currentEquivalent()).isPresent();
            }
        }
        for (InstancePrice p : c.rdsClasses()) {
            if (p.previousGeneration()) {
                assertThat(c.rds(p.currentEquivalent())).as(p.type()).isPresent();
            }
        }
    }

    @Test
    void ebsAndCrossAz() {
        assertThat(c.ebsPerGbMonth("gp2")).hasValue(0.10);
        assertThat(c.ebsPerGbMonth("GP3")).hasValue(0.08);
        assertThat(c.crossAzPerGbEachWay()).isEqualTo(0.01);
    }

    @Test
    void suggestionsNameTheCurrentEquivalentAndTheGp3Saving() {
        assertThat(Suggestions.of(ScenarioLoader.preset("druid-adtech"), c))
                .anyMatch(s -> s.contains("c4.4xlarge is previous generation; current equivalent c6i.4xlarge"))
                .anyMatch(s -> s.contains("gp2 -> gp3"));
    }
}
