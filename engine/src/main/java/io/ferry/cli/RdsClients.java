package io.ferry.cli;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

import java.net.URI;

/** RDS API clients for the CLI: the default AWS credential chain, a region, optionally another endpoint. */
final class RdsClients {
    private RdsClients() {
    }

    static RdsClient create(String region, URI endpoint) {
        var builder = RdsClient.builder().region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
