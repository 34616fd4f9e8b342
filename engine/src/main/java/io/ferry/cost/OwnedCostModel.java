package io.ferry.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * Owning the hardware, month by month, on a cash basis: a server is paid when it is delivered, and again
 * when it is replaced after the amortisation period.
 *
 * <ul>
 *   <li>compute: server price x servers paid for that month; failures: servers in service x (server + disks
 *       price) x annual failure rate / 12.</li>
 *   <li>storage: the disks of those servers; storage servers replacing S3, sized from the same GB the cloud
 *       stores (GB / 1024 / usable TB per server).</li>
 *   <li>power: watts of every server in service x PUE x hours / 1000 x $/kWh.</li>
 *   <li>space: racks (rack units in service / usable units per rack, rounded up) x $ per rack-month.</li>
 *   <li>transfer &amp; network: switch gear per new rack (replaced after the amortisation period too) and
 *       committed bandwidth, in Mbps = max(GB out, GB in) x 8000 / (hours x 3600) x peak-to-average.</li>
 *   <li>people: FTEs x salary / 12.</li>
 *   <li>cost of delay: demand the installed servers cannot carry (growth during the lead time beyond the
 *       spares), priced as renting the missing nodes on demand in the cloud, or at the scenario's
 *       $ per server-month.</li>
 * </ul>
 */
public final class OwnedCostModel {
    private final PriceCatalogue catalogue;

    public OwnedCostModel(PriceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** One owned pool and what it replaces. */
    record Pool(String name, Scenario.ServerSpec spec, double[] demand, double serversPerNode,
                double cloudNodeMonthly, CapacityPlan plan) {
    }

    /** @return the cost of months 1..horizon at index 1..horizon (index 0 unused) */
    public CostBreakdown[] monthly(Scenario s, GrowthModel growth) {
        return compute(s, growth).months();
    }

    record Result(CostBreakdown[] months, List<Pool> pools, CapacityPlan storage) {
    }

    Result compute(Scenario s, GrowthModel growth) {
        int h = growth.horizon();
        int hours = catalogue.hoursPerMonth();
        Scenario.Owned o = s.owned();
        Scenario.Cloud cloud = s.cloud();
        CapacityPlanner planner = new CapacityPlanner(o.spare(), o.step(), o.leadTime(),
                (int) Math.round(o.amortisation() * 12));
        CostBreakdown[] out = new CostBreakdown[h + 1];
        for (int m = 1; m <= h; m++) {
            out[m] = new CostBreakdown();
        }

        List<Pool> pools = new ArrayList<>();
        for (Scenario.ServerSpec spec : o.serverSpecs()) {
            pools.add(pool(spec, cloud, growth, planner, o.threads(), hours));
        }

        double[] watts = new double[h + 1];
        double[] units = new double[h + 1];
        for (Pool pool : pools) {
            Scenario.ServerSpec spec = pool.spec();
            double serverPrice = spec.price();
            double diskPrice = spec.diskPrice();
            double w = spec.watts() == null ? 0 : spec.watts();
            for (int m = 1; m <= h; m++) {
                int paid = pool.plan().paidFor(m);
                int inService = pool.plan().installed()[m];
                out[m].add(CostComponent.COMPUTE, paid * serverPrice);
                out[m].add(CostComponent.STORAGE, paid * diskPrice);
                out[m].add(CostComponent.COMPUTE, inService * (serverPrice + diskPrice) * o.failure() / 12.0);
                watts[m] += inService * w;
                units[m] += inService * spec.units();
                double shortfall = pool.plan().shortfall()[m];
                if (shortfall > 0) {
                    out[m].add(CostComponent.DELAY, o.costOfDelayPerServerMonth() != null
                            ? shortfall * o.costOfDelayPerServerMonth()
                            : shortfall / pool.serversPerNode() * pool.cloudNodeMonthly());
                }
            }
        }

        CapacityPlan storagePlan = null;
        Scenario.StorageServer st = o.objectStorage();
        if (st != null && !cloud.stores().isEmpty()) {
            double[] demand = new double[h + 1];
            for (Scenario.ObjectStore store : cloud.stores()) {
                double[] gb = StoredData.gbByMonth(store, growth);
                for (int m = 1; m <= h; m++) {
                    demand[m] += gb[m] / 1024.0 / st.usableTb();
                }
            }
            storagePlan = planner.plan(demand, 0);
            double w = st.watts() == null ? 0 : st.watts();
            double s3PerGb = catalogue.s3("STANDARD").map(TieredPrice::firstTierPerGb).orElse(0.0);
            for (int m = 1; m <= h; m++) {
                int inService = storagePlan.installed()[m];
                out[m].add(CostComponent.STORAGE, storagePlan.paidFor(m) * st.price());
                out[m].add(CostComponent.STORAGE, inService * st.price() * o.failure() / 12.0);
                watts[m] += inService * w;
                units[m] += inService * st.units();
                double shortfall = storagePlan.shortfall()[m];
                if (shortfall > 0) {
                    out[m].add(CostComponent.DELAY, o.costOfDelayPerServerMonth() != null
                            ? shortfall * o.costOfDelayPerServerMonth()
                            : shortfall * st.usableTb() * 1024 * s3PerGb);
                }
            }
        }

        Scenario.Power power = o.power();
        double kwhPrice = power.pricePerKwh() == null ? 0 : power.pricePerKwh();
        for (int m = 1; m <= h; m++) {
            out[m].add(CostComponent.POWER, watts[m] * power.pue() * hours / 1000.0 * kwhPrice);
        }

        Scenario.Space space = o.space();
        Scenario.Network net = o.network();
        int life = (int) Math.max(1, Math.round(o.amortisation() * 12));
        int[] racksBought = new int[h + 1];
        int racksSoFar = 0;
        for (int m = 1; m <= h; m++) {
            int racks = space == null ? 0 : (int) Math.ceil(units[m] / space.units() - 1e-9);
            if (space != null && space.perRackPerMonth() != null) {
                out[m].add(CostComponent.SPACE, racks * space.perRackPerMonth());
            }
            if (racks > racksSoFar) {
                racksBought[m] = racks - racksSoFar;
                racksSoFar = racks;
            }
            if (net != null && net.gearPerRack() != null) {
                int gear = racksBought[m];
                for (int k = m - life; k >= 1; k -= life) {
                    gear += racksBought[k];
                }
                out[m].add(CostComponent.TRANSFER, gear * net.gearPerRack());
            }
        }
        if (net != null && net.pricePerMbpsMonth() != null && cloud.transfer() != null) {
            double peak = net.peakToAverage() == null ? 1 : net.peakToAverage();
            double min = net.minimumMbps() == null ? 0 : net.minimumMbps();
            for (int m = 1; m <= h; m++) {
                double gb = Math.max(cloud.transfer().out(), cloud.transfer().in()) * growth.load(m);
                double mbps = Math.max(min, gb * 8000.0 / (hours * 3600.0) * peak);
                out[m].add(CostComponent.TRANSFER, mbps * net.pricePerMbpsMonth());
            }
        }

        double people = o.people() == null ? 0 : o.people().monthly();
        for (int m = 1; m <= h; m++) {
            out[m].add(CostComponent.PEOPLE, people);
        }
        return new Result(out, pools, storagePlan);
    }

    private Pool pool(Scenario.ServerSpec spec, Scenario.Cloud cloud, GrowthModel growth, CapacityPlanner planner,
                      double threads, int hours) {
        int h = growth.horizon();
        double[] demand = new double[h + 1];
        for (Scenario.NodeGroup g : cloud.groups()) {
            if (g.role().equals(spec.matches())) {
                InstancePrice ip = catalogue.ec2(g.instanceType()).orElseThrow();
                double ratio = ServerSizing.serversPerNode(spec, g.count(), ip.vcpu(), ip.ramGiB(), g.ebsGb(), threads);
                for (int m = 1; m <= h; m++) {
                    demand[m] = growth.scaled(g.count(), g.scales(), m) * ratio;
                }
                return new Pool(spec.matches(), spec, demand, ratio, ip.onDemandHourly() * hours,
                        planner.plan(demand, spec.min()));
            }
        }
        for (Scenario.ManagedDatabase d : cloud.dbs()) {
            if (d.name().equals(spec.matches())) {
                InstancePrice ip = catalogue.rds(d.instanceClass()).orElseThrow();
                int instances = d.instances();
                double ratio = ServerSizing.serversPerNode(spec, instances, ip.vcpu(), ip.ramGiB(), d.storage(), threads);
                for (int m = 1; m <= h; m++) {
                    demand[m] = instances * ratio;
                }
                return new Pool(spec.matches(), spec, demand, ratio, ip.onDemandHourly() * hours,
                        planner.plan(demand, spec.min()));
            }
        }
        throw new IllegalArgumentException("owned server matches nothing: " + spec.matches());
    }
}
