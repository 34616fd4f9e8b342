package io.ferry.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model's assumptions as name/value lines, shown next to every result so a reader can challenge them. */
public final class Assumptions {
    private Assumptions() {
    }

    public record Line(String name, String value) {
    }

    public static List<Line> of(CostProjection p, PriceCatalogue catalogue) {
        Scenario s = p.scenario();
        List<Line> l = new ArrayList<>();
        l.add(new Line("prices", catalogue.region() + " list prices as of " + catalogue.asOf()
                + (catalogue.data().refreshedAt() == null ? "" : ", refreshed " + catalogue.data().refreshedAt())
                + " (" + catalogue.origin() + ")"));
        l.add(new Line("price source", catalogue.source()));
        l.add(new Line("hours per month", String.valueOf(catalogue.hoursPerMonth())));
        l.add(new Line("accounting", "cash: each month shows what is paid that month (hardware when delivered, "
                + "upfront reservations at the start of their term); break-even compares cumulative cash"));
        l.add(new Line("horizon", p.horizon() + " months"));
        l.add(new Line("load growth", fmt(s.monthlyGrowthPercent()) + " % a month, compounded; cloud scales at once, "
                + "owned in purchase steps"));
        Scenario.Cloud c = s.cloud();
        for (Scenario.NodeGroup g : c.groups()) {
            Scenario.Purchase pu = g.purchaseOrDefault();
            String purchase = pu.optionOrDefault() == PurchaseOption.ON_DEMAND ? "on-demand"
                    : pu.optionOrDefault().yaml() + " " + pu.term() + "y " + pu.upfrontOrDefault().yaml() + " upfront";
            if (pu.spotShare() > 0) {
                purchase += ", " + fmt(pu.spotShare() * 100) + " % spot";
            }
            String ebs = g.ebsGb() > 0 ? ", EBS " + g.ebsType() + " " + fmt(g.ebsGb()) + " GB/node at $"
                    + fmt(catalogue.ebsPerGbMonth(g.ebsType()).orElse(0.0)) + "/GB-month" : "";
            InstancePrice ip = catalogue.ec2(g.instanceType()).orElseThrow();
            l.add(new Line("cloud " + g.role(), g.count() + " x " + g.instanceType() + " at $" + fmt(ip.onDemandHourly())
                    + "/h on demand (" + purchase + ")" + ebs + (g.scales() ? "" : ", fixed count")));
        }
        Map<String, Double> used = new LinkedHashMap<>();
        CommitmentDiscounts d = CommitmentDiscounts.of(c.commitmentDiscountPercent(), p.overrides().discountShiftPoints());
        for (Scenario.NodeGroup g : c.groups()) {
            Scenario.Purchase pu = g.purchaseOrDefault();
            if (pu.optionOrDefault() != PurchaseOption.ON_DEMAND) {
                String key = CommitmentDiscounts.key(pu.optionOrDefault(), pu.term(), pu.upfrontOrDefault());
                used.put(key, d.fraction(pu.optionOrDefault(), pu.term(), pu.upfrontOrDefault()) * 100);
            }
        }
        if (!used.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            used.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(fmt(v)).append(" %"));
            l.add(new Line("commitment discounts", sb + " off on-demand (defaults are typical published rates; "
                    + "override under cloud.commitmentDiscountPercent)"));
        }
        l.add(new Line("spot discount", fmt(c.spotDiscountPercent() == null
                ? CommitmentDiscounts.DEFAULT_SPOT_DISCOUNT_PERCENT : c.spotDiscountPercent()) + " % off on-demand"));
        for (Scenario.ManagedDatabase db : c.dbs()) {
            l.add(new Line("cloud " + db.name(), (db.count() == null ? 1 : db.count()) + " x " + db.instanceClass()
                    + " (" + (db.engine() == null ? "RDS" : db.engine()) + (Boolean.TRUE.equals(db.multiAz()) ? ", Multi-AZ" : ", Single-AZ")
                    + ") at $" + fmt(catalogue.rds(db.instanceClass()).orElseThrow().onDemandHourly()) + "/h on demand, "
                    + fmt(db.storage()) + " GB " + db.storageTypeOrDefault()));
        }
        for (Scenario.ObjectStore o : c.stores()) {
            l.add(new Line("S3 " + o.name(), "S3 " + o.storageClassOrDefault() + ", +" + fmt(o.added()) + " GB/month"
                    + (o.scales() ? " (growing with load)" : "")
                    + (o.retentionMonths() == null ? ", kept forever" : ", kept " + o.retentionMonths() + " months")
                    + (Boolean.TRUE.equals(o.filledAtStart()) ? ", full window at month 1" : "")));
        }
        if (c.transfer() != null) {
            l.add(new Line("transfer", fmt(c.transfer().out()) + " GB/month out to the internet (tiered, first 100 GB free), "
                    + fmt(c.transfer().in()) + " GB/month in (free on AWS), "
                    + fmt(c.transfer().crossAz()) + " GB/month cross-AZ at $" + fmt(catalogue.crossAzPerGbEachWay())
                    + "/GB each way (both sides billed)"));
        }
        l.add(new Line("AWS support", fmt(c.supportPercent() == null ? 0 : c.supportPercent()) + " % of the AWS bill"));
        l.add(new Line("cloud people", people(c.people())));
        Scenario.Owned o = s.owned();
        l.add(new Line("amortisation", fmt(o.amortisation()) + " years; hardware is replaced after that (paid again)"));
        l.add(new Line("sizing", "a vCPU is one hardware thread; " + fmt(o.threads()) + " threads per owned core; "
                + "servers per cloud node = max(vCPU, RAM, disk ratios) unless a count is given"));
        l.add(new Line("spares", fmt(o.spare() * 100) + " % above demand"));
        l.add(new Line("hardware failures", fmt(o.failure() * 100) + " % of servers a year, each costing a server's price"));
        l.add(new Line("initial build", "the owned servers are in service at month 1 and paid then; the migration "
                + "itself (running both sides in parallel) is not counted"));
        l.add(new Line("lead time", o.leadTime() + " months from order to service; each order adds "
                + fmt(o.step() * 100) + " % headroom; shortfall costed "
                + (o.costOfDelayPerServerMonth() == null ? "as renting the missing nodes on demand in the cloud"
                : "at $" + fmt(o.costOfDelayPerServerMonth()) + " per server-month")));
        l.add(new Line("power", "PUE " + fmt(o.power().pue()) + ", $" + fmt(o.power().pricePerKwh() == null ? 0 : o.power().pricePerKwh()) + "/kWh"));
        if (o.space() != null) {
            l.add(new Line("space", "$" + fmt(o.space().perRackPerMonth() == null ? 0 : o.space().perRackPerMonth())
                    + " per rack-month, " + o.space().units() + " usable units per rack"));
        }
        if (o.network() != null) {
            Scenario.Network n = o.network();
            l.add(new Line("network", "$" + fmt(n.gearPerRack() == null ? 0 : n.gearPerRack()) + " of gear per rack; bandwidth $"
                    + fmt(n.pricePerMbpsMonth() == null ? 0 : n.pricePerMbpsMonth()) + "/Mbps-month, peak/average "
                    + fmt(n.peakToAverage() == null ? 1 : n.peakToAverage()) + ", at least "
                    + fmt(n.minimumMbps() == null ? 0 : n.minimumMbps()) + " Mbps"));
        }
        l.add(new Line("owned people", people(o.people())));
        if (s.workload() != null && s.workload().unitsPerMonth() != null) {
            l.add(new Line("workload", fmt(s.workload().unitsPerMonth()) + " " + p.unitName() + " a month at month 1, growing with load"));
        }
        return l;
    }

    /** One line of the assumptions that matter most, for a chart caption. */
    public static String summary(CostProjection p, PriceCatalogue catalogue) {
        Scenario.Owned o = p.scenario().owned();
        return catalogue.region() + " list prices as of " + catalogue.asOf()
                + (catalogue.data().refreshedAt() == null ? "" : " (refreshed " + catalogue.data().refreshedAt() + ")")
                + " · " + catalogue.hoursPerMonth() + " h/month · cash basis · growth "
                + fmt(p.scenario().monthlyGrowthPercent()) + " %/month · amortisation " + fmt(o.amortisation())
                + " years · PUE " + fmt(o.power().pue()) + " at $" + fmt(o.power().pricePerKwh() == null ? 0 : o.power().pricePerKwh())
                + "/kWh · spares " + fmt(o.spare() * 100) + " % · lead time " + o.leadTime() + " months"
                + (p.overrides().discountShiftPoints() == 0 ? "" : " · commitment discounts "
                + String.format(Locale.ROOT, "%+.0f", p.overrides().discountShiftPoints()) + " points");
    }

    private static String people(Scenario.People p) {
        if (p == null) {
            return "none counted";
        }
        return fmt(p.ftes() == null ? 0 : p.ftes()) + " FTE at $" + fmt(p.salaryPerYear() == null ? 0 : p.salaryPerYear())
                + "/year fully loaded";
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%,.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
