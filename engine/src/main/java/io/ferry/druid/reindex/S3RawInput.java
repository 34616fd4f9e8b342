package io.ferry.druid.reindex;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Raw files in an S3 bucket (listed with ListObjectsV2, read with GetObject as a stream). */
public final class S3RawInput implements RawInput {
    private final S3Client s3;
    private final String bucket;
    private final boolean ownsClient;

    /** @param ownsClient close the client with this input */
    public S3RawInput(S3Client s3, String bucket, boolean ownsClient) {
        this.s3 = s3;
        this.bucket = bucket;
        this.ownsClient = ownsClient;
    }

    @Override
    public List<StoredFile> list(String prefix) throws IOException {
        try {
            List<StoredFile> out = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents()) {
                out.add(new StoredFile(o.key(), o.size()));
            }
            out.sort(Comparator.comparing(StoredFile::key));
            return out;
        } catch (SdkException e) {
            throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException(locate(key));
        } catch (SdkException e) {
            throw new IOException("cannot read " + locate(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String locate(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
