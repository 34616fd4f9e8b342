package io.ferry.cost;

import java.util.ArrayList;
import java.util.List;

/** Cheaper or current equivalents worth knowing about: previous-generation types, gp2 volumes. */
public final class Suggestions {
    private Suggestions() {
    }

    public static List<String> of(Scenario s, PriceCatalogue catalogue) {
        List<String> out = new ArrayList<>();
        int hours = catalogue.hoursPerMonth();
        for (Scenario.NodeGroup g : s.cloud().groups()) {
            catalogue.ec2(g.instanceType()).ifPresent(ip -> {
                if (ip.previousGeneration() && ip.currentEquivalent() != null) {
                    out.add(line(g.role(), g.count(), ip, catalogue.ec2(ip.currentEquivalent()).orElse(null), hours));
                }
                if (ip.notInLastRefresh()) {
                    out.add(g.role() + ": " + ip.type() + " was not in the last Price List refresh; its price is older");
                }
            });
            if (g.ebsGb() > 0 && "gp2".equalsIgnoreCase(g.ebsType())) {
                double gp2 = catalogue.ebsPerGbMonth("gp2").orElse(0.0);
                double gp3 = catalogue.ebsPerGbMonth("gp3").orElse(gp2);
                if (gp3 < gp2) {
                    out.add(String.format(java.util.Locale.ROOT,
                            "%s: EBS gp2 -> gp3 (same baseline 3000 IOPS / 125 MB/s for volumes up to 1 TB) saves %s a month",
                            g.role(), Money.dollars(g.count() * g.ebsGb() * (gp2 - gp3))));
                }
            }
        }
        for (Scenario.ManagedDatabase d : s.cloud().dbs()) {
            catalogue.rds(d.instanceClass()).ifPresent(ip -> {
                if (ip.previousGeneration() && ip.currentEquivalent() != null) {
                    out.add(line(d.name(), d.instances(), ip, catalogue.rds(ip.currentEquivalent()).orElse(null), hours));
                }
            });
        }
        return out;
    }

    private static String line(String role, int count, InstancePrice old, InstancePrice now, int hours) {
        if (now == null) {
            return role + ": " + old.type() + " is previous generation; AWS suggests " + old.currentEquivalent();
        }
        double delta = count * (now.onDemandHourly() - old.onDemandHourly()) * hours;
        return String.format(java.util.Locale.ROOT,
                "%s: %s is previous generation; current equivalent %s (%d vCPU, %s GiB) at $%s/h instead of $%s/h: %s %s a month on demand",
                role, old.type(), now.type(), now.vcpu(), Assumptions.fmt(now.ramGiB()),
                Assumptions.fmt(now.onDemandHourly()), Assumptions.fmt(old.onDemandHourly()),
                delta <= 0 ? "saves" : "costs", Money.dollars(Math.abs(delta)));
    }
}
