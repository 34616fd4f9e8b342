package io.ferry.cost;

/** Runs both models over the horizon and finds the break-even. Stateless apart from the catalogue. */
public final class CostCalculator {
    private final PriceCatalogue catalogue;
    private final CloudCostModel cloudModel;
    private final OwnedCostModel ownedModel;

    public CostCalculator(PriceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.cloudModel = new CloudCostModel(catalogue);
        this.ownedModel = new OwnedCostModel(catalogue);
    }

    public PriceCatalogue catalogue() {
        return catalogue;
    }

    /** Validates, then computes. @throws ScenarioException naming every bad field */
    public CostProjection compute(Scenario scenario, Overrides overrides) {
        Scenario s = overrides.applyTo(scenario);
        new ScenarioValidator(catalogue).validate(s, s.name() == null ? "scenario" : "scenario '" + s.name() + "'");
        return computeValidated(s, overrides);
    }

    public CostProjection compute(Scenario scenario) {
        return compute(scenario, Overrides.NONE);
    }

    /** Computes a scenario already validated with the overrides applied (the sensitivity loop). */
    CostProjection computeValidated(Scenario s, Overrides overrides) {
        int h = s.horizon();
        GrowthModel growth = new GrowthModel(s.monthlyGrowthPercent(), h);
        CommitmentDiscounts discounts = CommitmentDiscounts.of(s.cloud().commitmentDiscountPercent(),
                overrides.discountShiftPoints());
        CostBreakdown[] cloud = cloudModel.monthly(s, growth, discounts);
        CostBreakdown[] owned = ownedModel.monthly(s, growth);
        double[] load = new double[h + 1];
        double[] cloudCum = new double[h + 1];
        double[] ownedCum = new double[h + 1];
        for (int m = 1; m <= h; m++) {
            load[m] = growth.load(m);
            cloudCum[m] = cloudCum[m - 1] + cloud[m].total();
            ownedCum[m] = ownedCum[m - 1] + owned[m].total();
        }
        return new CostProjection(s, overrides, load, cloud, owned, cloudCum, ownedCum,
                BreakEven.month(cloudCum, ownedCum));
    }
}
