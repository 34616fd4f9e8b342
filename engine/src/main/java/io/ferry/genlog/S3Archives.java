package io.ferry.genlog;

import io.ferry.config.ConnectionConfig;
import io.ferry.config.FerryConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Archives in S3: the client for an s3 connection of ferry.yaml, and reading archives by {@code s3://bucket/key}
 * (an object, or every archive under a prefix).
 */
public final class S3Archives {
    private S3Archives() {
    }

    /**
     * An AWS SDK v2 client for the connection. Checksums only when required: S3-compatible stores (S3Proxy, MinIO
     * versions) reject the aws-chunked trailers SDK 2.30+ sends by default; AWS S3 accepts either.
     */
    public static S3Client client(S3ConnectionConfig c, SecretResolver secrets) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(c.region()))
                .forcePathStyle(c.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(c.keys().<software.amazon.awssdk.auth.credentials.AwsCredentialsProvider>map(k ->
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                secrets.resolve(k.accessKey()).reveal(), secrets.resolve(k.secretKey()).reveal())))
                        .orElseGet(() -> DefaultCredentialsProvider.builder().build()));
        c.endpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    /** The s3 connection of the configuration, by name. */
    public static S3ConnectionConfig connection(FerryConfig config, String name) {
        ConnectionConfig c = config.connection(name).orElseThrow(() -> new GenlogException("no connection '" + name
                + "' in " + config.source() + "; archives to S3 need an s3 connection (it has "
                + config.connections().keySet() + ")"));
        if (!(c instanceof S3ConnectionConfig s3)) {
            throw new GenlogException("connection '" + name + "' is a " + c.type().yamlName()
                    + " connection; archives to S3 need an s3 connection");
        }
        return s3;
    }

    /** The s3 connection of the configuration whose bucket this is. */
    public static S3ConnectionConfig forBucket(FerryConfig config, String bucket) {
        return config.connections(S3ConnectionConfig.class).stream().filter(c -> c.bucket().equals(bucket)).findFirst()
                .orElseThrow(() -> new GenlogException("no s3 connection in " + config.source() + " has bucket '" + bucket
                        + "': add one (type: s3, bucket: " + bucket + ") so Ferry knows where and how to reach it"));
    }

    /** {@code s3://bucket/key}: the bucket and the key (or prefix). */
    public record S3Uri(String bucket, String key) {
        public static S3Uri parse(String uri) {
            URI u = URI.create(uri);
            if (!"s3".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("'" + uri + "' is not an s3://bucket/key URI");
            }
            return new S3Uri(u.getHost(), u.getPath() == null ? "" : u.getPath().replaceFirst("^/", ""));
        }

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + key;
        }
    }

    /** The archive objects at {@code s3://bucket/key}: the object itself, or every archive under it as a prefix. */
    public static List<S3Uri> list(S3Client s3, S3Uri at) {
        if (ArchiveFormat.isArchiveName(at.key())) {
            return List.of(at);
        }
        String prefix = at.key().isEmpty() || at.key().endsWith("/") ? at.key() : at.key() + "/";
        return s3.listObjectsV2Paginator(b -> b.bucket(at.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).filter(ArchiveFormat::isArchiveName).sorted()
                .map(k -> new S3Uri(at.bucket(), k)).toList();
    }

    /** Streams one archive object into {@code sink}; returns the rows read. */
    public static long read(S3Client s3, S3Uri object, LogRowSink sink) throws IOException {
        try (InputStream in = s3.getObject(b -> b.bucket(object.bucket()).key(object.key()))) {
            return ArchiveReader.read(object.toString(), in, sink);
        }
    }
}
