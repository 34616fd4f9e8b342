package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A real S3 API (S3Proxy, in this JVM) over a local folder: free port, signature v4 with a generated access
 * key and secret key, bucket {@value #BUCKET} created.
 */
public final class S3Server implements AutoCloseable {
    public static final String BUCKET = "ferry";
    public static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(S3Server.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStoreContext blobStore;
    private final S3Endpoint endpoint;

    private S3Server(S3Proxy proxy, BlobStoreContext blobStore, S3Endpoint endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    /** Starts S3Proxy storing objects under {@code dir}; the keys are written to the two files (0600). */
    public static S3Server start(Path dir, Path accessKeyFile, Path secretKeyFile) throws Exception {
        Path storage = dir.toAbsolutePath().normalize().resolve("buckets");
        Files.createDirectories(storage);
        Secret accessKey = Secret.of("FERRY" + SecretFiles.generate(15).reveal().toUpperCase(java.util.Locale.ROOT));
        Secret secretKey = SecretFiles.generate(40);
        SecretFiles.write(accessKeyFile, accessKey);
        SecretFiles.write(secretKeyFile, secretKey);

        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", storage.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .overrides(props)
                .buildView(BlobStoreContext.class);
        int port = FreePorts.pick();
        URI uri = URI.create("http://127.0.0.1:" + port);
        LOG.info("Starting S3Proxy on port {} over {}", port, storage);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(uri)
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey.reveal(), secretKey.reveal())
                .build();
        S3Endpoint endpoint = new S3Endpoint(uri, REGION, BUCKET, accessKey, secretKey,
                accessKeyFile.toAbsolutePath(), secretKeyFile.toAbsolutePath());
        S3Server server = new S3Server(proxy, context, endpoint);
        try {
            proxy.start();
            server.awaitStarted();
            context.getBlobStore().createContainerInLocation(null, BUCKET);
            server.healthCheck();
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    private void awaitStarted() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline || "FAILED".equals(proxy.getState())) {
                throw new IOException("S3Proxy did not start on " + endpoint.endpoint() + " (state " + proxy.getState() + ")");
            }
            Thread.sleep(50);
        }
    }

    /** A signed request (HEAD bucket) through the AWS SDK; throws if it is refused. */
    public void healthCheck() {
        try (S3Client s3 = newClient(endpoint)) {
            s3.headBucket(b -> b.bucket(BUCKET));
        }
    }

    /**
     * An AWS SDK v2 client for this endpoint: endpoint override, path-style, static keys, and checksums only
     * when required (see below): any S3 client Ferry points at S3Proxy needs the same two settings.
     */
    public static S3Client newClient(S3Endpoint endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.of(endpoint.region()))
                .forcePathStyle(true)
                // SDK 2.30+ adds flexible checksums as aws-chunked trailers by default, which S3Proxy 2.6
                // rejects ("x-amz-content-sha256 header does not match"): only send them when required.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoint.accessKey().reveal(), endpoint.secretKey().reveal())))
                .build();
    }

    /** A presigner for this endpoint (path-style), for URLs that work without credentials. */
    public static S3Presigner newPresigner(S3Endpoint endpoint) {
        return S3Presigner.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.of(endpoint.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoint.accessKey().reveal(), endpoint.secretKey().reveal())))
                .build();
    }

    public S3Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        LOG.info("Stopping S3Proxy on {}", endpoint.endpoint());
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}
