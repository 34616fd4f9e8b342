package io.ferry.druid.reindex;

import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * AWS SDK v2 clients for an s3 connection: the endpoint override and path style of S3-compatible stores, checksums
 * only when required (S3Proxy refuses the SDK's default trailing checksums), keys resolved from their references
 * (or the default credential chain).
 */
public final class S3Access implements AutoCloseable {
    private final S3ConnectionConfig connection;
    private final S3Client client;
    private final S3Presigner presigner;

    private S3Access(S3ConnectionConfig connection, S3Client client, S3Presigner presigner) {
        this.connection = connection;
        this.client = client;
        this.presigner = presigner;
    }

    public static S3Access of(S3ConnectionConfig c, SecretResolver secrets) {
        AwsCredentialsProvider credentials = c.keys()
                .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        secrets.resolve(k.accessKey()).reveal(), secrets.resolve(k.secretKey()).reveal())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(c.region()))
                .forcePathStyle(c.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials);
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(Region.of(c.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(c.pathStyle()).build())
                .credentialsProvider(credentials);
        c.endpoint().ifPresent(e -> {
            builder.endpointOverride(e);
            presigner.endpointOverride(e);
        });
        return new S3Access(c, builder.build(), presigner.build());
    }

    public S3ConnectionConfig connection() {
        return connection;
    }

    public String bucket() {
        return connection.bucket();
    }

    public S3Client client() {
        return client;
    }

    public S3Presigner presigner() {
        return presigner;
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
