package io.ferry.cli;

import io.ferry.config.ConfigLoader;
import io.ferry.config.ConnectionConfig;
import io.ferry.config.ConnectionType;
import io.ferry.config.FerryConfig;
import io.ferry.config.MySqlConnectionConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.Secret;
import io.ferry.config.SecretResolver;
import io.ferry.config.TlsMode;
import io.ferry.config.WarehouseConnectionConfig;
import io.ferry.replication.MySqlSource;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;
import io.ferry.warehouse.redshift.RedshiftDialect;
import io.ferry.warehouse.redshift.RedshiftOpener;
import io.ferry.warehouse.redshift.RedshiftOptions;
import io.ferry.warehouse.redshift.RedshiftStatements;
import io.ferry.warehouse.redshift.S3StagingLoader;
import io.ferry.warehouse.redshift.S3StagingWriter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The source and warehouse of a replication command, resolved from named connections of ferry.yaml, and which
 * warehouse it is: a postgresql connection, or a redshift one (Redshift JDBC driver; S3 staging when an s3 connection
 * is named, else multi-row INSERT staging).
 */
record ReplicationEndpoints(MySqlSource source, WarehouseEndpoint warehouse, WarehouseOpener opener) {
    private static final int ROWS_PER_FILE = 1_000_000;
    private static final int PART_BYTES = 16 * 1024 * 1024;

    static ReplicationEndpoints resolve(Path config, String sourceName, String targetName) {
        return resolve(config, sourceName, targetName, new ReplicationJobOptions.Redshift());
    }

    static ReplicationEndpoints resolve(Path config, String sourceName, String targetName, ReplicationJobOptions.Redshift redshift) {
        FerryConfig ferry = ConfigLoader.load(config);
        SecretResolver secrets = SecretResolver.forConfig(ferry);
        MySqlConnectionConfig src = connection(ferry, sourceName, MySqlConnectionConfig.class, "a mysql connection");
        WarehouseConnectionConfig wh = connection(ferry, targetName, WarehouseConnectionConfig.class,
                "a postgresql or redshift connection");
        MySqlSource mysql = new MySqlSource(src.host(), src.port(), src.user(),
                src.password().map(secrets::resolve).orElse(Secret.of("")), src.tls());
        Secret password = wh.password().map(secrets::resolve).orElse(Secret.of(""));
        String database = URLEncoder.encode(wh.database(), StandardCharsets.UTF_8);
        if (wh.type() == ConnectionType.POSTGRESQL) {
            WarehouseEndpoint warehouse = new WarehouseEndpoint("jdbc:postgresql://" + wh.host() + ":" + wh.port() + "/"
                    + database + "?sslmode=" + wh.tls().yamlName(), wh.user(), password);
            return new ReplicationEndpoints(mysql, warehouse, WarehouseOpener.POSTGRES);
        }
        WarehouseEndpoint warehouse = new WarehouseEndpoint("jdbc:redshift://" + wh.host() + ":" + wh.port() + "/" + database
                + redshiftTls(wh.tls()), wh.user(), password);
        RedshiftDialect dialect = new RedshiftDialect(redshift.options());
        if (redshift.stagingS3 == null) {
            return new ReplicationEndpoints(mysql, warehouse, RedshiftOpener.withInsertStaging(dialect));
        }
        S3ConnectionConfig s3 = connection(ferry, redshift.stagingS3, S3ConnectionConfig.class, "an s3 connection");
        Secret authorization;
        if (redshift.copyIamRole != null) {
            authorization = S3StagingLoader.iamRole(redshift.copyIamRole);
        } else if (s3.keys().isPresent()) {
            authorization = S3StagingLoader.accessKeys(secrets.resolve(s3.keys().get().accessKey()),
                    secrets.resolve(s3.keys().get().secretKey()));
        } else {
            throw new IllegalArgumentException("COPY from S3 needs credentials Redshift can use: pass --copy-iam-role ARN, "
                    + "or give connection '" + redshift.stagingS3 + "' accessKey/secretKey");
        }
        return new ReplicationEndpoints(mysql, warehouse, RedshiftOpener.withS3Staging(dialect, () -> new S3StagingLoader(
                new S3StagingWriter(client(s3, secrets), s3.bucket(), "ferry-staging", ROWS_PER_FILE, PART_BYTES),
                new RedshiftStatements(dialect), authorization, s3.region())));
    }

    /** As WarehouseProbe: the Redshift driver knows no TLS, or TLS with or without certificate checks. */
    private static String redshiftTls(TlsMode tls) {
        return switch (tls) {
            case DISABLE -> "?ssl=false";
            case PREFER, REQUIRE -> "?ssl=true&sslfactory=com.amazon.redshift.ssl.NonValidatingFactory";
            case VERIFY_CA, VERIFY_FULL -> "?ssl=true&sslmode=" + tls.yamlName();
        };
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

    private static <T extends ConnectionConfig> T connection(FerryConfig ferry, String name, Class<T> kind, String what) {
        ConnectionConfig c = ferry.connection(name).orElseThrow(() -> new IllegalArgumentException(
                "No connection named '" + name + "' in the configuration; it has: " + String.join(", ", ferry.connections().keySet())));
        if (!kind.isInstance(c)) {
            throw new IllegalArgumentException("Connection '" + name + "' is " + c.type().yamlName() + ", not " + what);
        }
        return kind.cast(c);
    }
}
