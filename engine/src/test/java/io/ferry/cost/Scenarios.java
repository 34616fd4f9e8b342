package io.ferry.cost;

/** Small scenarios for hand-computed tests, written as YAML so the loader is exercised too. */
final class Scenarios {
    static final PriceCatalogue CATALOGUE = PriceCatalogue.shipped();

    private Scenarios() {
    }

    /** A scenario with the given cloud and owned YAML blocks (each indented by two spaces under its key). */
    static Scenario of(String top, String cloud, String owned) {
        return ScenarioLoader.parse(top + "\ncloud:\n" + cloud + "\nowned:\n" + owned + "\n", "test");
    }

    /** An owned side that costs nothing but the matched servers (for cloud-side tests). */
    static String freeOwned(String... roles) {
        StringBuilder sb = new StringBuilder("  power: {pue: 1.0, pricePerKwh: 0}\n"
                + "  objectStorage: {price: 1, usableTb: 1000000}\n  servers:\n");
        for (String r : roles) {
            sb.append("    - {matches: ").append(r).append(", price: 1, count: 1, cores: 1, ramGb: 1}\n");
        }
        return sb.toString();
    }

    static CostProjection compute(Scenario s) {
        return new CostCalculator(CATALOGUE).compute(s);
    }
}
