package io.ferry.sandbox.druid;

import io.ferry.sandbox.FreePorts;

import java.util.HashSet;
import java.util.Set;

/** The TCP ports of one local Druid + Kafka cluster, all on 127.0.0.1. */
record DruidPorts(int zookeeper, int derby, int coordinator, int broker, int historicalHot, int historicalCold,
                  int indexer, int kafka, int kafkaController) {

    /** Distinct free ports, picked now (each server fails loudly if another process took its port meanwhile). */
    static DruidPorts pick() {
        Set<Integer> taken = new HashSet<>();
        return new DruidPorts(free(taken), free(taken), free(taken), free(taken), free(taken), free(taken), free(taken),
                free(taken), free(taken));
    }

    private static int free(Set<Integer> taken) {
        while (true) {
            int port = FreePorts.pick();
            if (taken.add(port)) {
                return port;
            }
        }
    }
}
