package io.ferry.config;

/** A static AWS access key pair, as references. Without one, the default AWS credential chain is used. */
public record AwsKeys(SecretRef accessKey, SecretRef secretKey) {
}
