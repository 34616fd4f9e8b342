package io.ferry.cost;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a scenario against the catalogue before any computation, naming each bad field. */
public final class ScenarioValidator {
    private final PriceCatalogue catalogue;

    public ScenarioValidator(PriceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @throws ScenarioException listing every problem found */
    public void validate(Scenario s, String source) {
        List<String> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
    }

    public List<String> problems(Scenario s) {
        List<String> p = new ArrayList<>();
        if (s.horizonMonths() != null && (s.horizonMonths() < 1 || s.horizonMonths() > 600)) {
            p.add("horizonMonths: must be between 1 and 600 months, was " + s.horizonMonths());
        }
        if (s.growth() != null && s.growth().monthlyPercent() != null
                && (s.growth().monthlyPercent() <= -100 || s.growth().monthlyPercent() > 100)) {
            p.add("growth.monthlyPercent: must be above -100 and at most 100, was " + s.growth().monthlyPercent());
        }
        if (s.workload() != null) {
            nonNegative(p, "workload.unitsPerMonth", s.workload().unitsPerMonth());
        }
        if (s.cloud() == null) {
            p.add("cloud: missing; a scenario needs at least one cloud node group");
        } else {
            cloud(p, s.cloud());
        }
        if (s.owned() == null) {
            p.add("owned: missing; a scenario needs the servers that would replace the cloud");
        } else if (s.cloud() != null) {
            owned(p, s.owned(), s.cloud());
        }
        return p;
    }

    private void cloud(List<String> p, Scenario.Cloud c) {
        if (c.groups().isEmpty()) {
            p.add("cloud.nodeGroups: empty; list at least one node group (role, count, instanceType)");
        }
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < c.groups().size(); i++) {
            Scenario.NodeGroup g = c.groups().get(i);
            String f = "cloud.nodeGroups[" + i + "]";
            if (g == null) {
                p.add(f + ": empty entry");
                continue;
            }
            if (blank(g.role())) {
                p.add(f + ".role: missing");
            } else if (!roles.add(g.role())) {
                p.add(f + ".role: '" + g.role() + "' appears twice; roles must be unique");
            }
            if (g.count() == null) {
                p.add(f + ".count: missing");
            } else if (g.count() < 0) {
                p.add(f + ".count: must be 0 or more, was " + g.count());
            }
            if (blank(g.instanceType())) {
                p.add(f + ".instanceType: missing");
            } else if (catalogue.ec2(g.instanceType()).isEmpty()) {
                p.add(f + ".instanceType: unknown instance type '" + g.instanceType() + "' in the "
                        + catalogue.region() + " catalogue of " + catalogue.asOf() + "; closest: "
                        + PriceCatalogue.closest(g.instanceType(),
                        catalogue.ec2Types().stream().map(InstancePrice::type).toList(), 3));
            }
            nonNegative(p, f + ".ebsGbPerNode", g.ebsGbPerNode());
            if (g.ebsGb() > 0) {
                if (blank(g.ebsType())) {
                    p.add(f + ".ebsType: missing; say which EBS volume type is assumed (" + catalogue.ebsTypes() + ")");
                } else if (catalogue.ebsPerGbMonth(g.ebsType()).isEmpty()) {
                    p.add(f + ".ebsType: unknown EBS type '" + g.ebsType() + "'; use one of " + catalogue.ebsTypes());
                }
            }
            if (g.purchase() != null) {
                Scenario.Purchase pu = g.purchase();
                if (pu.termYears() != null && pu.termYears() != 1 && pu.termYears() != 3) {
                    p.add(f + ".purchase.termYears: must be 1 or 3, was " + pu.termYears());
                }
                if (pu.spotSharePercent() != null && (pu.spotSharePercent() < 0 || pu.spotSharePercent() > 100)) {
                    p.add(f + ".purchase.spotSharePercent: must be between 0 and 100, was " + pu.spotSharePercent());
                }
            }
        }
        for (int i = 0; i < c.dbs().size(); i++) {
            Scenario.ManagedDatabase d = c.dbs().get(i);
            String f = "cloud.databases[" + i + "]";
            if (blank(d.name())) {
                p.add(f + ".name: missing");
            }
            if (d.count() != null && d.count() < 0) {
                p.add(f + ".count: must be 0 or more, was " + d.count());
            }
            if (blank(d.instanceClass())) {
                p.add(f + ".instanceClass: missing");
            } else if (catalogue.rds(d.instanceClass()).isEmpty()) {
                p.add(f + ".instanceClass: unknown RDS instance class '" + d.instanceClass() + "'; closest: "
                        + PriceCatalogue.closest(d.instanceClass(),
                        catalogue.rdsClasses().stream().map(InstancePrice::type).toList(), 3));
            }
            nonNegative(p, f + ".storageGb", d.storageGb());
            if (d.storage() > 0 && catalogue.rdsStoragePerGbMonth(d.storageTypeOrDefault()).isEmpty()) {
                p.add(f + ".storageType: unknown RDS storage type '" + d.storageTypeOrDefault() + "'");
            }
        }
        for (int i = 0; i < c.stores().size(); i++) {
            Scenario.ObjectStore o = c.stores().get(i);
            String f = "cloud.objectStorage[" + i + "]";
            if (catalogue.s3(o.storageClassOrDefault()).isEmpty()) {
                p.add(f + ".storageClass: unknown S3 storage class '" + o.storageClassOrDefault() + "'; use one of "
                        + catalogue.s3Classes());
            }
            nonNegative(p, f + ".addedGbPerMonth", o.addedGbPerMonth());
            nonNegative(p, f + ".initialGb", o.initialGb());
            if (o.retentionMonths() != null && o.retentionMonths() < 1) {
                p.add(f + ".retentionMonths: must be 1 or more (leave it out to keep everything), was "
                        + o.retentionMonths());
            }
            if (o.initialGb() != null && o.retentionMonths() != null) {
                p.add(f + ".initialGb: only used without retentionMonths; with a retention use filledAtStart: true");
            }
            if (Boolean.TRUE.equals(o.filledAtStart()) && o.retentionMonths() == null) {
                p.add(f + ".filledAtStart: needs retentionMonths (a full window of what length?)");
            }
        }
        if (c.transfer() != null) {
            nonNegative(p, "cloud.transfer.outToInternetGbPerMonth", c.transfer().outToInternetGbPerMonth());
            nonNegative(p, "cloud.transfer.inFromInternetGbPerMonth", c.transfer().inFromInternetGbPerMonth());
            nonNegative(p, "cloud.transfer.crossAzGbPerMonth", c.transfer().crossAzGbPerMonth());
        }
        percent(p, "cloud.supportPercent", c.supportPercent());
        percent(p, "cloud.spotDiscountPercent", c.spotDiscountPercent());
        if (c.commitmentDiscountPercent() != null) {
            c.commitmentDiscountPercent().forEach((k, v) -> {
                if (!CommitmentDiscounts.isKnownKey(k)) {
                    p.add("cloud.commitmentDiscountPercent." + k + ": unknown key; use one of "
                            + CommitmentDiscounts.defaults().keySet().stream().sorted().toList());
                }
                percent(p, "cloud.commitmentDiscountPercent." + k, v);
            });
        }
        people(p, "cloud.people", c.people());
    }

    private void owned(List<String> p, Scenario.Owned o, Scenario.Cloud c) {
        if (o.amortisationYears() != null && o.amortisationYears() <= 0) {
            p.add("owned.amortisationYears: must be more than 0, was " + o.amortisationYears());
        }
        if (o.threadsPerCore() != null && o.threadsPerCore() <= 0) {
            p.add("owned.threadsPerCore: must be more than 0, was " + o.threadsPerCore());
        }
        nonNegative(p, "owned.sparePercent", o.sparePercent());
        percent(p, "owned.annualFailurePercent", o.annualFailurePercent());
        if (o.leadTimeMonths() != null && o.leadTimeMonths() < 0) {
            p.add("owned.leadTimeMonths: must be 0 or more, was " + o.leadTimeMonths());
        }
        nonNegative(p, "owned.purchaseStepPercent", o.purchaseStepPercent());
        nonNegative(p, "owned.costOfDelayPerServerMonth", o.costOfDelayPerServerMonth());
        Set<String> targets = new HashSet<>();
        c.groups().forEach(g -> targets.add(g.role()));
        c.dbs().forEach(d -> targets.add(d.name()));
        Set<String> matched = new HashSet<>();
        for (int i = 0; i < o.serverSpecs().size(); i++) {
            Scenario.ServerSpec s = o.serverSpecs().get(i);
            String f = "owned.servers[" + i + "]";
            if (blank(s.matches())) {
                p.add(f + ".matches: missing; name the cloud node group role or database it replaces");
            } else if (!targets.contains(s.matches())) {
                p.add(f + ".matches: '" + s.matches() + "' is neither a cloud node group role nor a database name "
                        + targets.stream().sorted().toList());
            } else if (!matched.add(s.matches())) {
                p.add(f + ".matches: '" + s.matches() + "' is matched twice");
            }
            positive(p, f + ".price", s.price());
            if (s.count() == null) {
                if (s.cores() == null || s.cores() <= 0) {
                    p.add(f + ".cores: must be more than 0 (needed to size the servers when count is not given)");
                }
                positive(p, f + ".ramGb", s.ramGb());
            } else if (s.count() < 0) {
                p.add(f + ".count: must be 0 or more, was " + s.count());
            }
            nonNegative(p, f + ".watts", s.watts());
            if (s.count() == null && s.diskGb() <= 0 && needsDisk(c, s.matches())) {
                p.add(f + ".disks: '" + s.matches() + "' keeps data on EBS/RDS storage in the cloud; give the server disks "
                        + "(count, gbEach, priceEach) or an explicit count");
            }
            if (s.rackUnits() != null && s.rackUnits() < 1) {
                p.add(f + ".rackUnits: must be 1 or more, was " + s.rackUnits());
            }
            if (s.disks() != null) {
                if (s.disks().count() != null && s.disks().count() < 0) {
                    p.add(f + ".disks.count: must be 0 or more, was " + s.disks().count());
                }
                nonNegative(p, f + ".disks.gbEach", s.disks().gbEach());
                nonNegative(p, f + ".disks.priceEach", s.disks().priceEach());
            }
        }
        for (String t : targets) {
            if (t != null && !matched.contains(t)) {
                p.add("owned.servers: nothing matches '" + t + "'; add a server with matches: " + t);
            }
        }
        boolean storesData = c.stores().stream().anyMatch(st -> st.added() > 0 || st.initial() > 0);
        if (storesData) {
            if (o.objectStorage() == null) {
                p.add("owned.objectStorage: missing; the cloud side keeps data in S3, so the owned side needs storage servers");
            } else {
                positive(p, "owned.objectStorage.price", o.objectStorage().price());
                positive(p, "owned.objectStorage.usableTb", o.objectStorage().usableTb());
                nonNegative(p, "owned.objectStorage.watts", o.objectStorage().watts());
            }
        }
        if (o.power() == null) {
            p.add("owned.power: missing (pue, pricePerKwh)");
        } else {
            if (o.power().pue() == null || o.power().pue() < 1) {
                p.add("owned.power.pue: must be 1 or more (1.0 = no cooling overhead), was " + o.power().pue());
            }
            nonNegative(p, "owned.power.pricePerKwh", o.power().pricePerKwh());
        }
        if (o.space() != null) {
            nonNegative(p, "owned.space.perRackPerMonth", o.space().perRackPerMonth());
            if (o.space().usableUnitsPerRack() != null && o.space().usableUnitsPerRack() < 1) {
                p.add("owned.space.usableUnitsPerRack: must be 1 or more, was " + o.space().usableUnitsPerRack());
            }
        }
        if (o.network() != null) {
            nonNegative(p, "owned.network.gearPerRack", o.network().gearPerRack());
            nonNegative(p, "owned.network.pricePerMbpsMonth", o.network().pricePerMbpsMonth());
            if (o.network().peakToAverage() != null && o.network().peakToAverage() < 1) {
                p.add("owned.network.peakToAverage: must be 1 or more, was " + o.network().peakToAverage());
            }
            nonNegative(p, "owned.network.minimumMbps", o.network().minimumMbps());
        }
        people(p, "owned.people", o.people());
    }

    private static boolean needsDisk(Scenario.Cloud c, String target) {
        return c.groups().stream().anyMatch(g -> target.equals(g.role()) && g.ebsGb() > 0)
                || c.dbs().stream().anyMatch(d -> target.equals(d.name()) && d.storage() > 0);
    }

    private static void people(List<String> p, String f, Scenario.People people) {
        if (people != null) {
            nonNegative(p, f + ".ftes", people.ftes());
            nonNegative(p, f + ".salaryPerYear", people.salaryPerYear());
        }
    }

    private static void nonNegative(List<String> p, String field, Double v) {
        if (v != null && (v < 0 || v.isNaN())) {
            p.add(field + ": must be 0 or more, was " + v);
        }
    }

    private static void positive(List<String> p, String field, Double v) {
        if (v == null) {
            p.add(field + ": missing");
        } else if (v <= 0 || v.isNaN()) {
            p.add(field + ": must be more than 0, was " + v);
        }
    }

    private static void percent(List<String> p, String field, Double v) {
        if (v != null && (v < 0 || v > 100)) {
            p.add(field + ": must be between 0 and 100 (percent), was " + v);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
