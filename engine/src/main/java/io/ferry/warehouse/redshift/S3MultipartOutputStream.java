package io.ferry.warehouse.redshift;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one S3 object: a single PUT when it stays under the part size, else a multipart upload with parts of that
 * size (S3's minimum is 5 MiB for all but the last), so that a large staging file never sits whole in memory.
 * A failure aborts the multipart upload.
 */
final class S3MultipartOutputStream extends OutputStream {
    static final int MIN_PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partBytes;
    private final ByteArrayOutputStream buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private String uploadId;
    private long written;
    private boolean closed;

    S3MultipartOutputStream(S3Client s3, String bucket, String key, int partBytes) {
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("S3 parts are at least " + MIN_PART_BYTES + " bytes, not " + partBytes);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partBytes = partBytes;
        this.buffer = new ByteArrayOutputStream(Math.min(partBytes, 1 << 20));
    }

    @Override
    public void write(int b) {
        buffer.write(b);
        written++;
        flushParts();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        written += len;
        flushParts();
    }

    private void flushParts() {
        if (buffer.size() < partBytes) {
            return;
        }
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
            }
            uploadPart(buffer.toByteArray());
            buffer.reset();
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void uploadPart(byte[] bytes) {
        int number = parts.size() + 1;
        String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(bytes)).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }

    /** Bytes written so far (the object's size once closed). */
    long size() {
        return written;
    }

    /** How many parts the multipart upload had (0: it was a single PUT). */
    int partCount() {
        return parts.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uploadId == null) {
                s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(buffer.toByteArray()));
                return;
            }
            if (buffer.size() > 0) {
                uploadPart(buffer.toByteArray());
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void abort() {
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // the original failure is what matters; S3 lifecycle rules clean up abandoned uploads
            }
        }
    }
}
