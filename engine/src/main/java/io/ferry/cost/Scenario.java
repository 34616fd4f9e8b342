package io.ferry.cost;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A cloud-versus-owned question, as saved in YAML: the cloud cluster, the hardware that would replace it,
 * growth and the horizon. Fields are boxed so a missing value can be told from a zero; the defaults are
 * applied by the models and listed by {@link Assumptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(String name, String description, Integer horizonMonths, Growth growth, Workload workload,
                       Cloud cloud, Owned owned) {

    public static final int DEFAULT_HORIZON_MONTHS = 60;

    public int horizon() {
        return horizonMonths == null ? DEFAULT_HORIZON_MONTHS : horizonMonths;
    }

    public double monthlyGrowthPercent() {
        return growth == null || growth.monthlyPercent() == null ? 0 : growth.monthlyPercent();
    }

    public Scenario withHorizon(int months) {
        return new Scenario(name, description, months, growth, workload, cloud, owned);
    }

    public Scenario withGrowthPercent(double percent) {
        return new Scenario(name, description, horizonMonths, new Growth(percent), workload, cloud, owned);
    }

    public Scenario withCloud(Cloud c) {
        return new Scenario(name, description, horizonMonths, growth, workload, c, owned);
    }

    public Scenario withOwned(Owned o) {
        return new Scenario(name, description, horizonMonths, growth, workload, cloud, o);
    }

    /** Load grows by this percentage every month, compounded; node counts follow it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Growth(Double monthlyPercent) {
    }

    /** What the cluster does, to express cost per unit of work (e.g. 91.25 "billion events" a month). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Workload(String unit, Double unitsPerMonth) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cloud(List<NodeGroup> nodeGroups, List<ManagedDatabase> databases,
                        List<ObjectStore> objectStorage, Transfer transfer, Double supportPercent,
                        Double spotDiscountPercent, Map<String, Double> commitmentDiscountPercent,
                        People people) {

        public List<NodeGroup> groups() {
            return nodeGroups == null ? List.of() : nodeGroups;
        }

        public List<ManagedDatabase> dbs() {
            return databases == null ? List.of() : databases;
        }

        public List<ObjectStore> stores() {
            return objectStorage == null ? List.of() : objectStorage;
        }

        public Cloud withNodeGroups(List<NodeGroup> groups) {
            return new Cloud(groups, databases, objectStorage, transfer, supportPercent, spotDiscountPercent,
                    commitmentDiscountPercent, people);
        }
    }

    /**
     * A set of identical EC2 instances with one role.
     *
     * @param ebsType       gp2, gp3, io1, st1, sc1 (required when ebsGbPerNode &gt; 0)
     * @param scalesWithLoad false for roles whose count does not follow the load (coordinators, ZooKeeper)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeGroup(String role, Integer count, String instanceType, String ebsType, Double ebsGbPerNode,
                            Boolean scalesWithLoad, Purchase purchase) {

        public boolean scales() {
            return scalesWithLoad == null || scalesWithLoad;
        }

        public double ebsGb() {
            return ebsGbPerNode == null ? 0 : ebsGbPerNode;
        }

        public Purchase purchaseOrDefault() {
            return purchase == null ? Purchase.ON_DEMAND : purchase;
        }

        public NodeGroup withCount(int n) {
            return new NodeGroup(role, n, instanceType, ebsType, ebsGbPerNode, scalesWithLoad, purchase);
        }

        public NodeGroup withInstanceType(String t) {
            return new NodeGroup(role, count, t, ebsType, ebsGbPerNode, scalesWithLoad, purchase);
        }

        public NodeGroup withEbs(String type, Double gb) {
            return new NodeGroup(role, count, instanceType, type, gb, scalesWithLoad, purchase);
        }

        public NodeGroup withRole(String r) {
            return new NodeGroup(r, count, instanceType, ebsType, ebsGbPerNode, scalesWithLoad, purchase);
        }

        public NodeGroup withPurchase(Purchase p) {
            return new NodeGroup(role, count, instanceType, ebsType, ebsGbPerNode, scalesWithLoad, p);
        }
    }

    /**
     * @param spotSharePercent share of the group's nodes run as spot instances; the rest use {@code option}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Purchase(PurchaseOption option, Integer termYears, Upfront upfront, Double spotSharePercent) {
        public static final Purchase ON_DEMAND = new Purchase(PurchaseOption.ON_DEMAND, null, null, null);

        public PurchaseOption optionOrDefault() {
            return option == null ? PurchaseOption.ON_DEMAND : option;
        }

        public int term() {
            return termYears == null ? 1 : termYears;
        }

        public Upfront upfrontOrDefault() {
            return upfront == null ? Upfront.NONE : upfront;
        }

        public double spotShare() {
            return spotSharePercent == null ? 0 : spotSharePercent / 100.0;
        }
    }

    /** A managed database (RDS), priced on demand; it does not scale with load. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManagedDatabase(String name, String engine, String instanceClass, Integer count, Boolean multiAz,
                                  Double storageGb, String storageType) {
        public int instances() {
            return (count == null ? 1 : count) * (Boolean.TRUE.equals(multiAz) ? 2 : 1);
        }

        public double storage() {
            return storageGb == null ? 0 : storageGb;
        }

        public String storageTypeOrDefault() {
            return storageType == null ? "gp2" : storageType;
        }
    }

    /**
     * Data kept in S3 (raw events, Druid deep storage). Each month adds {@code addedGbPerMonth} (scaled by the
     * load); data older than {@code retentionMonths} is deleted. {@code filledAtStart}: the store already holds
     * a full retention window at month 1 (a running system); otherwise it starts with {@code initialGb}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObjectStore(String name, String storageClass, Double addedGbPerMonth, Double initialGb,
                              Integer retentionMonths, Boolean filledAtStart, Boolean scalesWithLoad) {
        public String storageClassOrDefault() {
            return storageClass == null ? "STANDARD" : storageClass;
        }

        public double added() {
            return addedGbPerMonth == null ? 0 : addedGbPerMonth;
        }

        public double initial() {
            return initialGb == null ? 0 : initialGb;
        }

        public boolean scales() {
            return scalesWithLoad == null || scalesWithLoad;
        }
    }

    /**
     * GB a month at month 1; all grow with the load. Inbound is free on AWS but sizes the owned side's
     * internet commitment (transit is billed on the larger direction).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transfer(Double outToInternetGbPerMonth, Double inFromInternetGbPerMonth, Double crossAzGbPerMonth) {
        public double out() {
            return outToInternetGbPerMonth == null ? 0 : outToInternetGbPerMonth;
        }

        public double in() {
            return inFromInternetGbPerMonth == null ? 0 : inFromInternetGbPerMonth;
        }

        public double crossAz() {
            return crossAzGbPerMonth == null ? 0 : crossAzGbPerMonth;
        }
    }

    /** Full-time equivalents and their fully loaded yearly cost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record People(Double ftes, Double salaryPerYear) {
        public double monthly() {
            return (ftes == null ? 0 : ftes) * (salaryPerYear == null ? 0 : salaryPerYear) / 12.0;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Owned(Double amortisationYears, Double threadsPerCore, Double sparePercent,
                        Double annualFailurePercent, Integer leadTimeMonths, Double purchaseStepPercent,
                        Double costOfDelayPerServerMonth, List<ServerSpec> servers, StorageServer objectStorage,
                        Power power, Space space, Network network, People people) {
        public static final double DEFAULT_AMORTISATION_YEARS = 5;

        public double amortisation() {
            return amortisationYears == null ? DEFAULT_AMORTISATION_YEARS : amortisationYears;
        }

        public double threads() {
            return threadsPerCore == null ? 2 : threadsPerCore;
        }

        public double spare() {
            return sparePercent == null ? 0 : sparePercent / 100.0;
        }

        public double failure() {
            return annualFailurePercent == null ? 0 : annualFailurePercent / 100.0;
        }

        public int leadTime() {
            return leadTimeMonths == null ? 0 : leadTimeMonths;
        }

        public double step() {
            return purchaseStepPercent == null ? 0 : purchaseStepPercent / 100.0;
        }

        public List<ServerSpec> serverSpecs() {
            return servers == null ? List.of() : servers;
        }

        public Owned withPower(Power p) {
            return new Owned(amortisationYears, threadsPerCore, sparePercent, annualFailurePercent, leadTimeMonths,
                    purchaseStepPercent, costOfDelayPerServerMonth, servers, objectStorage, p, space, network, people);
        }
    }

    /**
     * The server bought to do the work of one cloud node group or database ({@code matches} names its role or
     * name). Without {@code count}, the number of servers is sized from the cloud nodes' vCPU, RAM and disk.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerSpec(String matches, String model, Double price, Integer cores, Double ramGb, Disks disks,
                             Double watts, Integer rackUnits, Integer count, Integer minServers) {
        public double diskGb() {
            return disks == null ? 0 : disks.total();
        }

        public double diskPrice() {
            return disks == null ? 0 : disks.price();
        }

        public int units() {
            return rackUnits == null ? 1 : rackUnits;
        }

        public int min() {
            return minServers == null ? 1 : minServers;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disks(Integer count, Double gbEach, Double priceEach) {
        public double total() {
            return (count == null ? 0 : count) * (gbEach == null ? 0 : gbEach);
        }

        public double price() {
            return (count == null ? 0 : count) * (priceEach == null ? 0 : priceEach);
        }
    }

    /** The owned replacement for S3: storage servers, each giving {@code usableTb} after replication. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StorageServer(String model, Double price, Double usableTb, Double watts, Integer rackUnits) {
        public int units() {
            return rackUnits == null ? 2 : rackUnits;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Power(Double pue, Double pricePerKwh) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Space(Double perRackPerMonth, Integer usableUnitsPerRack) {
        public int units() {
            return usableUnitsPerRack == null ? 40 : usableUnitsPerRack;
        }
    }

    /**
     * @param gearPerRack       switches and cabling bought with each rack
     * @param pricePerMbpsMonth committed internet bandwidth, sized from the cloud's data transfer out
     * @param peakToAverage     peak over average traffic, to size the commitment
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Network(Double gearPerRack, Double pricePerMbpsMonth, Double peakToAverage, Double minimumMbps) {
    }
}
