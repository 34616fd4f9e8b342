package io.ferry.cost;

/** The headings a month's cost is broken down into, on both sides. */
public enum CostComponent {
    COMPUTE("compute"),
    STORAGE("storage"),
    TRANSFER("transfer & network"),
    PEOPLE("people"),
    POWER("power"),
    SPACE("space"),
    SUPPORT("support"),
    DELAY("cost of delay");

    private final String label;

    CostComponent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
