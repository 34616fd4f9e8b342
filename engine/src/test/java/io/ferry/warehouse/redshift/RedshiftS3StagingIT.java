package io.ferry.warehouse.redshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.replication.ColumnSchema;
import io.ferry.replication.TableId;
import io.ferry.replication.TableSchema;
import io.ferry.sandbox.S3Endpoint;
import io.ferry.sandbox.S3Server;
import io.ferry.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 staging path, for real against S3Proxy: rows rendered for Redshift, written as gzip pipe-delimited files
 * (a large one uploaded in parts) with a manifest. PostgreSQL cannot run {@code COPY ... FROM 's3://'}, so the COPY
 * itself is not run here: this test reads the objects back and checks the files, the escaping and the manifest, and
 * checks the COPY statement built for that manifest. The rest of the Redshift path runs end to end in
 * RedshiftReplicationIT.
 */
@ExtendWith(SandboxExtension.class)
class RedshiftS3StagingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableSchema TABLE = new TableSchema(new TableId("shop", "Notes"), List.of(
            new ColumnSchema("id", "bigint", "bigint(20)", false, null, 19, 0, null, null, false),
            new ColumnSchema("body", "longtext", "longtext", true, 4294967295L, null, null, null, "utf8mb4", false),
            new ColumnSchema("amount", "decimal", "decimal(12,2)", true, null, 12, 2, null, null, false),
            new ColumnSchema("at", "datetime", "datetime(6)", true, null, null, null, 6, null, false),
            new ColumnSchema("ts", "timestamp", "timestamp(6)", true, null, null, null, 6, null, false),
            new ColumnSchema("bin", "varbinary", "varbinary(8)", true, 8L, null, null, null, null, false),
            new ColumnSchema("doc", "json", "json", true, null, null, null, null, null, true)), List.of("id"));

    private final S3Endpoint endpoint;

    RedshiftS3StagingIT(S3Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Test
    void stagingRowsBecomeGzipFilesListedAsMandatoryInAManifestWithNullsAndEscapesKept() throws Exception {
        RedshiftDialect dialect = new RedshiftDialect();
        RedshiftValues values = new RedshiftValues(dialect, TABLE);
        Object[][] source = {
                {1L, null, null, null, null, null, null},
                {2L, "", new BigDecimal("-12.50"), LocalDateTime.parse("2024-02-29T23:59:59.000305"),
                        Instant.parse("2030-06-01T12:00:00.5Z"), new byte[]{0, (byte) 0xff}, "{\"k\": \"a|b\"}"},
                {3L, "\\N", null, null, null, null, null},
                {4L, "pipe | back\\slash\nnew line\r\ncrlf 😀 Köln", null, null, null, null, null},
        };
        List<String[]> rows = new ArrayList<>();
        for (Object[] row : source) {
            rows.add(values.render(row));
        }
        try (S3Client s3 = S3Server.newClient(endpoint)) {
            S3StagingWriter writer = new S3StagingWriter(s3, endpoint.bucket(), "it/redshift-staging", 3, S3MultipartOutputStream.MIN_PART_BYTES);
            S3StagingWriter.StagedLoad load = writer.write("\"shop\".\"notes\"", rows);

            assertThat(load.files()).as("3 rows per file: two files").hasSize(2);
            assertThat(load.manifestUrl()).isEqualTo("s3://" + endpoint.bucket() + "/" + load.manifestKey()).endsWith(".manifest");
            JsonNode manifest = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(endpoint.bucket()).key(load.manifestKey())).asUtf8String());
            List<String> urls = new ArrayList<>();
            for (JsonNode entry : manifest.get("entries")) {
                urls.add(entry.get("url").asText());
                assertThat(entry.get("mandatory").asBoolean()).as("every file mandatory").isTrue();
                String key = entry.get("url").asText().substring(("s3://" + endpoint.bucket() + "/").length());
                long size = s3.headObject(b -> b.bucket(endpoint.bucket()).key(key)).contentLength();
                assertThat(entry.get("meta").get("content_length").asLong()).isEqualTo(size);
            }
            assertThat(urls).containsExactlyElementsOf(load.files().stream().map(S3StagingWriter.StagedFile::url).toList());
            String loadPrefix = load.manifestKey().substring(0, load.manifestKey().lastIndexOf('/') + 1);
            List<String> keys = s3.listObjectsV2(b -> b.bucket(endpoint.bucket()).prefix(loadPrefix)).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(keys).as("the load has a prefix of its own; the manifest lists all its files")
                    .containsExactlyInAnyOrderElementsOf(load.keys());

            List<String> lines = new ArrayList<>();
            for (S3StagingWriter.StagedFile f : load.files()) {
                lines.addAll(List.of(gunzip(s3.getObjectAsBytes(b -> b.bucket(endpoint.bucket()).key(f.key())).asByteArray())
                        .split("(?<!\\\\)\n", -1)));
                lines.remove(lines.size() - 1); // after the last line end
            }
            assertThat(lines).containsExactly(
                    "1|\\N|\\N|\\N|\\N|\\N|\\N",
                    "2||-12.50|2024-02-29 23:59:59.000305|2030-06-01 12:00:00.5+00|00ff|{\"k\": \"a\\|b\"}",
                    "3|\\\\N|\\N|\\N|\\N|\\N|\\N",
                    "4|pipe \\| back\\\\slash\\\nnew line\\\r\\\ncrlf 😀 Köln|\\N|\\N|\\N|\\N|\\N");

            String copy = new RedshiftStatements(dialect).copyFromManifest("\"ferry_stage_0\"", dialect.targetColumns(TABLE),
                    load.manifestUrl(), "IAM_ROLE 'arn:aws:iam::123456789012:role/ferry-load'", endpoint.region());
            assertThat(copy).contains("FROM '" + load.manifestUrl() + "'").contains(" MANIFEST ").contains(" GZIP ")
                    .contains("NULL AS '\\\\N'").doesNotContain("ACCEPTINVCHARS").doesNotContain("TRUNCATECOLUMNS")
                    .doesNotContain("EMPTYASNULL").doesNotContain("BLANKSASNULL");
            writer.delete(load);
            assertThat(s3.listObjectsV2(b -> b.bucket(endpoint.bucket()).prefix(loadPrefix)).contents()).isEmpty();
        }
    }

    @Test
    void aLargeStagingFileIsUploadedInPartsAndReassembled() throws Exception {
        Random random = new Random(42);
        List<String[]> rows = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 9000; i++) {
            byte[] noise = new byte[700];
            random.nextBytes(noise);
            String[] row = {Integer.toString(i), RedshiftValues.hex(noise)};
            rows.add(row);
            PipeText.appendRow(expected, row);
        }
        try (S3Client s3 = S3Server.newClient(endpoint)) {
            S3StagingWriter writer = new S3StagingWriter(s3, endpoint.bucket(), "it/redshift-multipart", 1_000_000,
                    S3MultipartOutputStream.MIN_PART_BYTES);
            S3StagingWriter.StagedLoad load = writer.write("big", rows);
            S3StagingWriter.StagedFile file = load.files().get(0);
            assertThat(file.parts()).as("more than 5 MiB of gzip: a multipart upload").isGreaterThanOrEqualTo(2);
            byte[] object = s3.getObjectAsBytes(b -> b.bucket(endpoint.bucket()).key(file.key())).asByteArray();
            assertThat((long) object.length).isEqualTo(file.bytes());
            assertThat(gunzip(object)).isEqualTo(expected.toString());
            writer.delete(load);
        }
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
