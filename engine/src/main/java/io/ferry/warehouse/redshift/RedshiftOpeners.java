package io.ferry.warehouse.redshift;

import io.ferry.config.ConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.Secret;
import io.ferry.config.SecretResolver;
import io.ferry.config.TlsMode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The Redshift warehouse of a job: S3 staging when an s3 connection is named, else multi-row INSERT staging. */
public final class RedshiftOpeners {
    private static final int ROWS_PER_FILE = 1_000_000;
    private static final int PART_BYTES = 16 * 1024 * 1024;

    private RedshiftOpeners() {
    }

    public static RedshiftOpener open(FerryConfig ferry, SecretResolver secrets, RedshiftSettings settings) {
        RedshiftDialect dialect = new RedshiftDialect(settings.options());
        if (settings.stagingS3() == null) {
            return RedshiftOpener.withInsertStaging(dialect);
        }
        S3ConnectionConfig s3 = s3(ferry, settings.stagingS3());
        Secret authorization;
        if (settings.copyIamRole() != null) {
            authorization = S3StagingLoader.iamRole(settings.copyIamRole());
        } else if (s3.keys().isPresent()) {
            authorization = S3StagingLoader.accessKeys(secrets.resolve(s3.keys().get().accessKey()),
                    secrets.resolve(s3.keys().get().secretKey()));
        } else {
            throw new IllegalArgumentException("COPY from S3 needs credentials Redshift can use: pass --copy-iam-role ARN, "
                    + "or give connection '" + settings.stagingS3() + "' accessKey/secretKey");
        }
        return RedshiftOpener.withS3Staging(dialect, () -> new S3StagingLoader(
                new S3StagingWriter(client(s3, secrets), s3.bucket(), "ferry-staging", ROWS_PER_FILE, PART_BYTES),
                new RedshiftStatements(dialect), authorization, s3.region()));
    }

    /** As WarehouseProbe: the Redshift driver knows no TLS, or TLS with or without certificate checks. */
    public static String jdbcTls(TlsMode tls) {
        return switch (tls) {
            case DISABLE -> "?ssl=false";
            case PREFER, REQUIRE -> "?ssl=true&sslfactory=com.amazon.redshift.ssl.NonValidatingFactory";
            case VERIFY_CA, VERIFY_FULL -> "?ssl=true&sslmode=" + tls.yamlName();
        };
    }

    private static S3ConnectionConfig s3(FerryConfig ferry, String name) {
        ConnectionConfig c = ferry.connection(name).orElseThrow(() -> new IllegalArgumentException(
                "No connection named '" + name + "' in the configuration; it has: "
                        + String.join(", ", ferry.connections().keySet())));
        if (!(c instanceof S3ConnectionConfig s3)) {
            throw new IllegalArgumentException("Connection '" + name + "' is " + c.type().yamlName() + ", not an s3 connection");
        }
        return s3;
    }

    private static S3Client client(S3ConnectionConfig c, SecretResolver secrets) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(c.region())).forcePathStyle(c.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(c.keys().isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(secrets.resolve(c.keys().get().accessKey()).reveal(),
                                secrets.resolve(c.keys().get().secretKey()).reveal()))
                        : DefaultCredentialsProvider.builder().build());
        c.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
