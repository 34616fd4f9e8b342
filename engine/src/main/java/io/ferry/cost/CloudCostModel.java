package io.ferry.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS bill, month by month, on a cash basis: what is paid in each month (an all-upfront reservation
 * is paid in full in the first month of its term).
 *
 * <ul>
 *   <li>compute: per node group, nodes(m) = ceil(count x load(m)); spot share at (1 - spot discount);
 *       the rest on demand, or committed: at the start of each term the commitment is sized to the non-spot
 *       nodes of that month, billed at on-demand x (1 - discount), the upfront share paid at term start and
 *       the rest monthly; nodes above the commitment run on demand. RDS instances on demand
 *       (Multi-AZ doubles them).</li>
 *   <li>storage: EBS GB x $/GB-month per node; RDS storage; S3 GB held (see {@link StoredData}) through the
 *       tiered price of its storage class, tiers applied to the sum of all stores of a class.</li>
 *   <li>transfer: out to the internet through the tiered price; cross-AZ GB x price x 2 (both the sending
 *       and the receiving side are charged). Both grow with the load.</li>
 *   <li>support: its percentage of compute + storage + transfer. people: FTEs x salary / 12.</li>
 * </ul>
 */
public final class CloudCostModel {
    private final PriceCatalogue catalogue;

    public CloudCostModel(PriceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @return the cost of months 1..horizon at index 1..horizon (index 0 unused) */
    public CostBreakdown[] monthly(Scenario s, GrowthModel growth, CommitmentDiscounts discounts) {
        int h = growth.horizon();
        int hours = catalogue.hoursPerMonth();
        Scenario.Cloud cloud = s.cloud();
        CostBreakdown[] out = new CostBreakdown[h + 1];
        for (int m = 1; m <= h; m++) {
            out[m] = new CostBreakdown();
        }
        double spotDiscount = (cloud.spotDiscountPercent() == null
                ? CommitmentDiscounts.DEFAULT_SPOT_DISCOUNT_PERCENT : cloud.spotDiscountPercent()) / 100.0;

        for (Scenario.NodeGroup g : cloud.groups()) {
            InstancePrice price = catalogue.ec2(g.instanceType()).orElseThrow();
            double hourly = price.onDemandHourly();
            Scenario.Purchase p = g.purchaseOrDefault();
            double spotShare = p.spotShare();
            PurchaseOption option = p.optionOrDefault();
            double discount = discounts.fraction(option, p.term(), p.upfrontOrDefault());
            int termMonths = 12 * p.term();
            double paidAtStart = p.upfrontOrDefault().paidAtStart();
            double ebsPrice = g.ebsGb() > 0 ? catalogue.ebsPerGbMonth(g.ebsType()).orElseThrow() : 0;
            double committed = 0;
            for (int m = 1; m <= h; m++) {
                int nodes = growth.nodes(g.count(), g.scales(), m);
                double spot = nodes * spotShare;
                double regular = nodes - spot;
                double compute = spot * hourly * (1 - spotDiscount) * hours;
                if (option == PurchaseOption.ON_DEMAND) {
                    compute += regular * hourly * hours;
                } else {
                    boolean termStart = (m - 1) % termMonths == 0;
                    double committedMonthly = 0;
                    if (termStart) {
                        committed = regular;
                        committedMonthly = committed * hourly * (1 - discount) * hours;
                        compute += paidAtStart * committedMonthly * termMonths;
                    } else {
                        committedMonthly = committed * hourly * (1 - discount) * hours;
                    }
                    compute += (1 - paidAtStart) * committedMonthly;
                    compute += Math.max(0, regular - committed) * hourly * hours;
                }
                out[m].add(CostComponent.COMPUTE, compute);
                out[m].add(CostComponent.STORAGE, nodes * g.ebsGb() * ebsPrice);
            }
        }

        for (Scenario.ManagedDatabase d : cloud.dbs()) {
            double hourly = catalogue.rds(d.instanceClass()).orElseThrow().onDemandHourly();
            double storagePrice = d.storage() > 0 ? catalogue.rdsStoragePerGbMonth(d.storageTypeOrDefault()).orElseThrow() : 0;
            int copies = Boolean.TRUE.equals(d.multiAz()) ? 2 : 1;
            for (int m = 1; m <= h; m++) {
                out[m].add(CostComponent.COMPUTE, d.instances() * hourly * hours);
                out[m].add(CostComponent.STORAGE, (d.count() == null ? 1 : d.count()) * copies * d.storage() * storagePrice);
            }
        }

        Map<String, double[]> byClass = new LinkedHashMap<>();
        for (Scenario.ObjectStore store : cloud.stores()) {
            double[] gb = StoredData.gbByMonth(store, growth);
            double[] sum = byClass.computeIfAbsent(store.storageClassOrDefault().toUpperCase(), k -> new double[h + 1]);
            for (int m = 1; m <= h; m++) {
                sum[m] += gb[m];
            }
        }
        byClass.forEach((cls, gb) -> {
            TieredPrice tiers = catalogue.s3(cls).orElseThrow();
            for (int m = 1; m <= h; m++) {
                out[m].add(CostComponent.STORAGE, tiers.cost(gb[m]));
            }
        });

        if (cloud.transfer() != null) {
            double crossAz = catalogue.crossAzPerGbEachWay();
            for (int m = 1; m <= h; m++) {
                double load = growth.load(m);
                out[m].add(CostComponent.TRANSFER, catalogue.transferOut().cost(cloud.transfer().out() * load));
                out[m].add(CostComponent.TRANSFER, cloud.transfer().crossAz() * load * crossAz * 2);
            }
        }

        double support = cloud.supportPercent() == null ? 0 : cloud.supportPercent() / 100.0;
        double people = cloud.people() == null ? 0 : cloud.people().monthly();
        for (int m = 1; m <= h; m++) {
            double aws = out[m].get(CostComponent.COMPUTE) + out[m].get(CostComponent.STORAGE)
                    + out[m].get(CostComponent.TRANSFER);
            out[m].add(CostComponent.SUPPORT, aws * support);
            out[m].add(CostComponent.PEOPLE, people);
        }
        return out;
    }
}
