package io.ferry.cost;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One priced instance type of the catalogue (an EC2 instance type or an RDS instance class).
 *
 * @param previousGeneration AWS lists it as previous generation (or it is retired): kept so old clusters can
 *                           still be priced, and {@code currentEquivalent} is suggested instead
 * @param notInLastRefresh   the last refresh from the Price List API did not return it; its price is the one
 *                           from before that refresh
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record InstancePrice(String type, int vcpu, double ramGiB, double onDemandHourly,
                            boolean previousGeneration, String currentEquivalent, boolean notInLastRefresh) {

    public InstancePrice withPrice(double hourly, int vcpu, double ramGiB, boolean previousGeneration) {
        // Once previous generation, always: a refresh that omits the flag must not lose it.
        return new InstancePrice(type, vcpu > 0 ? vcpu : this.vcpu, ramGiB > 0 ? ramGiB : this.ramGiB, hourly,
                previousGeneration || this.previousGeneration, currentEquivalent, false);
    }

    public InstancePrice markedNotInLastRefresh() {
        return new InstancePrice(type, vcpu, ramGiB, onDemandHourly, previousGeneration, currentEquivalent, true);
    }
}
