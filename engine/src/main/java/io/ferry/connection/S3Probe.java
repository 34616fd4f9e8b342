package io.ferry.connection;

import io.ferry.config.AwsKeys;
import io.ferry.config.S3ConnectionConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;
import java.util.Optional;

/** Checks an S3 bucket with the AWS SDK v2 (HeadBucket), on AWS or an S3-compatible endpoint. */
final class S3Probe implements Probe<S3ConnectionConfig> {
    private final SecretLookup secrets;
    private final Duration timeout;

    S3Probe(SecretLookup secrets, Duration timeout) {
        this.secrets = secrets;
        this.timeout = timeout;
    }

    @Override
    public String probe(S3ConnectionConfig c) throws CheckFailure {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(c.region()))
                .forcePathStyle(c.pathStyle())
                .credentialsProvider(credentials(c.keys()))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        c.endpoint().ifPresent(builder::endpointOverride);
        String where = c.endpoint().map(Object::toString).orElse("S3 in " + c.region());
        String hostPort = c.endpoint().map(u -> NetworkFailures.hostPort(u.getHost(), u.getPort() > 0 ? u.getPort()
                : "https".equals(u.getScheme()) ? 443 : 80)).orElse("s3." + c.region() + ".amazonaws.com:443");
        try (S3Client s3 = builder.build()) {
            s3.headBucket(b -> b.bucket(c.bucket()));
            return "bucket " + c.bucket() + " reachable at " + where;
        } catch (S3Exception e) {
            throw new CheckFailure(switch (e.statusCode()) {
                case 404 -> "bucket '" + c.bucket() + "' does not exist at " + where;
                case 403 -> "access denied to bucket '" + c.bucket() + "' at " + where
                        + " (check accessKey/secretKey and the bucket policy)";
                case 301 -> "bucket '" + c.bucket() + "' is in another region than " + c.region();
                default -> "S3 at " + where + " answered HTTP " + e.statusCode() + " for bucket '" + c.bucket() + "'";
            });
        } catch (SdkClientException e) {
            String host = c.endpoint().map(u -> u.getHost()).orElse("s3." + c.region() + ".amazonaws.com");
            if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
                throw new CheckFailure("no AWS credentials: write accessKey/secretKey references, or set up the"
                        + " default AWS credential chain (AWS_ACCESS_KEY_ID, ~/.aws/credentials, instance role)");
            }
            throw new CheckFailure(NetworkFailures.explain(e, hostPort, host, timeout)
                    .orElse("S3 at " + where + " cannot be used: " + e.getMessage()));
        }
    }

    private AwsCredentialsProvider credentials(Optional<AwsKeys> keys) throws CheckFailure {
        if (keys.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                secrets.resolve("accessKey", keys.get().accessKey()).reveal(),
                secrets.resolve("secretKey", keys.get().secretKey()).reveal()));
    }
}
