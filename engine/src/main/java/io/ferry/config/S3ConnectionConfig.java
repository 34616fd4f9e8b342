package io.ferry.config;

import java.net.URI;
import java.util.Optional;

/** An S3 bucket, on AWS or on an S3-compatible store ({@code endpoint}). */
public record S3ConnectionConfig(String name, Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
                                 Optional<AwsKeys> keys) implements ConnectionConfig {
    @Override
    public ConnectionType type() {
        return ConnectionType.S3;
    }

    @Override
    public String target() {
        return "s3://" + bucket + endpoint.map(e -> " at " + e).orElse(" in " + region);
    }
}
