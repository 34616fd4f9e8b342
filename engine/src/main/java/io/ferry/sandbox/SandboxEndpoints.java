package io.ferry.sandbox;

import java.nio.file.Path;

/** Everything a client needs to use a running sandbox, and the ferry.yaml that describes it. */
public record SandboxEndpoints(DatabaseEndpoint mariadb, DatabaseEndpoint postgres, S3Endpoint s3, Path configFile) {
}
