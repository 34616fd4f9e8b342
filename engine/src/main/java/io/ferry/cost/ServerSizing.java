package io.ferry.cost;

/**
 * How many owned servers do the work of one cloud node: the largest of the vCPU, RAM and disk ratios.
 * A vCPU is one hardware thread, so an owned core counts {@code threadsPerCore} vCPUs (2 with
 * hyper-threading). With an explicit server count the ratio is that count over the cloud nodes.
 */
public final class ServerSizing {
    private ServerSizing() {
    }

    public static double serversPerNode(Scenario.ServerSpec spec, int cloudNodes, int vcpu, double ramGiB,
                                        double diskGbPerNode, double threadsPerCore) {
        if (spec.count() != null) {
            return cloudNodes == 0 ? 0 : spec.count() / (double) cloudNodes;
        }
        double cpu = vcpu / (spec.cores() * threadsPerCore);
        double ram = ramGiB / spec.ramGb();
        double disk = diskGbPerNode <= 0 ? 0
                : spec.diskGb() <= 0 ? Double.POSITIVE_INFINITY : diskGbPerNode / spec.diskGb();
        return Math.max(cpu, Math.max(ram, disk));
    }
}
