package io.ferry.config;

import java.net.URI;
import java.util.Optional;

/**
 * An AWS account (for RDS parameter groups, the Pricing API, Secrets Manager). {@code endpoint} overrides
 * the AWS endpoints, for a local peer that speaks the AWS protocols.
 */
public record AwsConnectionConfig(String name, String region, Optional<AwsKeys> keys, Optional<URI> endpoint)
        implements ConnectionConfig {
    @Override
    public ConnectionType type() {
        return ConnectionType.AWS;
    }

    @Override
    public String target() {
        return region + endpoint.map(e -> " at " + e).orElse("");
    }
}
