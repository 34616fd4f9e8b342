package io.ferry.genlog;

import io.ferry.config.FerryConfig;
import io.ferry.config.GenlogJobConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretResolver;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Archives uploaded to S3 as {@code s3://bucket/<prefix>/<connection>/<name>.ndjson.gz}: written and verified as a
 * local file under {@code <dataDir>/genlog-archive-staging}, uploaded (multipart above {@link #DEFAULT_PART_BYTES}),
 * read back from S3 and counted, and only then is the local file removed and the archive reported.
 */
public final class S3ArchiveDestination implements ArchiveDestination {
    public static final long DEFAULT_PART_BYTES = 64L << 20;

    private final S3ConnectionConfig connection;
    private final SecretResolver secrets;
    private final String prefix;
    private final Path staging;
    private final ArchiveFormat format;
    private final long partBytes;

    S3ArchiveDestination(S3ConnectionConfig connection, SecretResolver secrets, String prefix, Path staging,
                         ArchiveFormat format, long partBytes) {
        this.connection = connection;
        this.secrets = secrets;
        this.prefix = prefix;
        this.staging = staging;
        this.format = format;
        this.partBytes = partBytes;
    }

    public static S3ArchiveDestination of(FerryConfig config, GenlogJobConfig.S3Location at, ArchiveFormat format) {
        return new S3ArchiveDestination(S3Archives.connection(config, at.connection()), SecretResolver.forConfig(config),
                at.prefix(), config.dataDir().resolve("genlog-archive-staging"), format, DEFAULT_PART_BYTES);
    }

    /** The same destination with another part size (multipart uploads are used above it). */
    S3ArchiveDestination withPartBytes(long bytes) {
        return new S3ArchiveDestination(connection, secrets, prefix, staging, format, bytes);
    }

    @Override
    public ArchiveFormat format() {
        return format;
    }

    @Override
    public Path localFile(String conn, String baseName) {
        return staging.resolve(conn).resolve(baseName + format.extension());
    }

    @Override
    public String publish(Path file, String conn, long rows) throws IOException {
        String key = (prefix.isEmpty() ? "" : prefix + "/") + conn + "/" + file.getFileName();
        S3Archives.S3Uri uri = new S3Archives.S3Uri(connection.bucket(), key);
        try (S3Client s3 = S3Archives.client(connection, secrets)) {
            if (Files.size(file) > partBytes) {
                multipart(s3, file, key);
            } else {
                s3.putObject(b -> b.bucket(connection.bucket()).key(key), RequestBody.fromFile(file));
            }
            long readBack = S3Archives.read(s3, uri, r -> true);
            if (readBack != rows) {
                s3.deleteObject(b -> b.bucket(connection.bucket()).key(key));
                throw new GenlogException(uri + " holds " + readBack + " rows read back but " + rows + " were written:"
                        + " the object was deleted and the table left in place");
            }
        } catch (SdkException e) {
            throw new IOException("cannot upload the archive to " + uri + " (s3 connection '" + connection.name() + "'): "
                    + e.getMessage(), e);
        }
        Files.deleteIfExists(file);
        return uri.toString();
    }

    private void multipart(S3Client s3, Path file, String key) throws IOException {
        String bucket = connection.bucket();
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try (InputStream in = Files.newInputStream(file)) {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buf = new byte[(int) Math.min(partBytes, Integer.MAX_VALUE - 8)];
            for (int number = 1; ; number++) {
                int n = in.readNBytes(buf, 0, buf.length);
                if (n == 0) {
                    break;
                }
                int part = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(part),
                        RequestBody.fromBytes(n == buf.length ? buf : java.util.Arrays.copyOf(buf, n))).eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
            throw e;
        }
    }

    @Override
    public String describe() {
        return "s3://" + connection.bucket() + "/" + (prefix.isEmpty() ? "" : prefix + "/") + " (s3 connection '"
                + connection.name() + "')";
    }
}
