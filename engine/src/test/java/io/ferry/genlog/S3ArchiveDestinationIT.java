package io.ferry.genlog;

import io.ferry.config.AwsKeys;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretRef;
import io.ferry.config.SecretResolver;
import io.ferry.sandbox.S3Endpoint;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads to the sandbox's S3Proxy through the real AWS SDK: one request, and multipart above the part size. */
@ExtendWith(SandboxExtension.class)
class S3ArchiveDestinationIT {
    @TempDir
    Path dir;

    @Test
    void aBigArchiveGoesUpInPartsAndIsVerifiedByItsRowCount(S3Endpoint s3) throws Exception {
        S3ArchiveDestination destination = destination(s3).withPartBytes(5L << 20);
        Path file = destination.localFile("shop", "general_log_20261128_0400");
        // incompressible statements, so that the gzip file passes two parts of 5 MB
        SplittableRandom random = new SplittableRandom(7);
        long rows = 0;
        try (ArchiveWriter w = new ArchiveWriter(file, ArchiveFormat.NDJSON)) {
            byte[] bytes = new byte[600];
            while (rows < 20_000) {
                random.nextBytes(bytes);
                w.write(new LogRow("2026-11-28 04:00:00.000000", "shop[shop] @ [10.0.0.1]", rows, 1, "Query",
                        "SELECT '" + HexFormat.of().formatHex(bytes) + "'"));
                rows++;
            }
            w.commit();
        }
        assertThat(Files.size(file)).isGreaterThan(10L << 20);

        String uri = destination.publish(file, "shop", rows);

        assertThat(uri).matches("s3://ferry/it-[^/]+/shop/general_log_20261128_0400\\.ndjson\\.gz");
        assertThat(file).doesNotExist();
        try (var client = S3Archives.client(connection(s3), resolver())) {
            assertThat(S3Archives.read(client, S3Archives.S3Uri.parse(uri), r -> true)).isEqualTo(rows);
        }
    }

    private S3ArchiveDestination destination(S3Endpoint s3) {
        return new S3ArchiveDestination(connection(s3), resolver(), "it-" + UUID.randomUUID(), dir.resolve("staging"),
                ArchiveFormat.NDJSON, S3ArchiveDestination.DEFAULT_PART_BYTES);
    }

    private static S3ConnectionConfig connection(S3Endpoint s3) {
        return new S3ConnectionConfig("lake", Optional.of(s3.endpoint()), s3.region(), s3.bucket(), true,
                Optional.of(new AwsKeys(new SecretRef.File(s3.accessKeyFile()), new SecretRef.File(s3.secretKeyFile()))));
    }

    private static SecretResolver resolver() {
        return SecretResolver.forConfig(new io.ferry.config.FerryConfig(Path.of("ferry.yaml"), Path.of("."), java.util.Map.of()));
    }
}
