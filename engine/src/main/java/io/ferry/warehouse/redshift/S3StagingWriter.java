package io.ferry.warehouse.redshift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one staging load to S3: the rows as gzip {@link PipeText} files (a new file every {@code rowsPerFile} rows,
 * each uploaded in parts when large) under a prefix of their own per load ({@code <prefix>/<load id>/}), and a
 * manifest listing exactly those files, each {@code "mandatory": true}. COPY reads the manifest, never a prefix: a
 * prefix {@code batch_1} would also load {@code batch_10}, and a missing file would go unnoticed.
 */
public final class S3StagingWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int rowsPerFile;
    private final int partBytes;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong loads = new AtomicLong();

    /** One uploaded file: its s3:// URL, key and size in bytes, and how many parts it was uploaded in (0: one PUT). */
    public record StagedFile(String url, String key, long bytes, int parts) {
    }

    /** A written load: the manifest's s3:// URL and key, and its files. */
    public record StagedLoad(String manifestUrl, String manifestKey, List<StagedFile> files) {
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            files.forEach(f -> keys.add(f.key()));
            keys.add(manifestKey);
            return keys;
        }
    }

    public S3StagingWriter(S3Client s3, String bucket, String prefix, int rowsPerFile, int partBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.rowsPerFile = rowsPerFile;
        this.partBytes = partBytes;
    }

    public String bucket() {
        return bucket;
    }

    /** Uploads the rows for {@code table} (a name used in the object keys) and their manifest. */
    public StagedLoad write(String table, List<String[]> rows) {
        String loadPrefix = (prefix.isEmpty() ? "" : prefix + "/") + String.format(Locale.ROOT, "load_%s_%06d/", run,
                loads.incrementAndGet());
        String name = table.replaceAll("[^A-Za-z0-9_.-]", "_");
        List<StagedFile> files = new ArrayList<>();
        for (int from = 0, part = 0; from < rows.size() || part == 0; from += rowsPerFile, part++) {
            String key = loadPrefix + name + String.format(Locale.ROOT, ".%04d.txt.gz", part);
            files.add(writeFile(key, rows.subList(from, Math.min(rows.size(), from + rowsPerFile))));
        }
        String manifestKey = loadPrefix + name + ".manifest";
        s3.putObject(r -> r.bucket(bucket).key(manifestKey).contentType("application/json"),
                RequestBody.fromString(manifest(files), StandardCharsets.UTF_8));
        return new StagedLoad("s3://" + bucket + "/" + manifestKey, manifestKey, files);
    }

    private StagedFile writeFile(String key, List<String[]> rows) {
        S3MultipartOutputStream object = new S3MultipartOutputStream(s3, bucket, key, partBytes);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(object, 64 * 1024), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (String[] row : rows) {
                line.setLength(0);
                PipeText.appendRow(line, row);
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the staging file s3://" + bucket + "/" + key + " failed", e);
        }
        return new StagedFile("s3://" + bucket + "/" + key, key, object.size(), object.partCount());
    }

    /** The manifest: every file mandatory, with its length (COPY checks it for some formats; it documents the load). */
    String manifest(List<StagedFile> files) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode entries = root.putArray("entries");
        for (StagedFile f : files) {
            ObjectNode entry = entries.addObject();
            entry.put("url", f.url());
            entry.put("mandatory", true);
            entry.putObject("meta").put("content_length", f.bytes());
        }
        return root.toString();
    }

    /** Deletes a load's objects (after its transaction ended); failures are left to the bucket's lifecycle rules. */
    public void delete(StagedLoad load) {
        for (String key : load.keys()) {
            try {
                s3.deleteObject(r -> r.bucket(bucket).key(key));
            } catch (RuntimeException ignored) {
                // best effort: the data is committed or rolled back already
            }
        }
    }
}
