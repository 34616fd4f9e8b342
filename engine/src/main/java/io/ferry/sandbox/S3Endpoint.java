package io.ferry.sandbox;

import io.ferry.config.Secret;

import java.net.URI;
import java.nio.file.Path;

/** How to reach the sandbox's S3 store: path-style, signature v4, one bucket. Keys are masked in toString. */
public record S3Endpoint(URI endpoint, String region, String bucket, Secret accessKey, Secret secretKey,
                         Path accessKeyFile, Path secretKeyFile) {
}
