package io.ferry.druid.reindex;

import io.ferry.druid.IndexParallelSpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stages flat files in S3 and hands Druid presigned GET URLs through its {@code http} input source: the way S3
 * objects reach a Druid without the S3 extension (the sandbox's; production Druid with the extension and an IAM
 * role could read {@code s3://} directly). The URLs carry the signature, never the keys.
 */
public final class S3Staging implements Staging {
    private final S3Access s3;
    private final String prefix;
    private final Duration urlExpiry;

    public S3Staging(S3Access s3, String prefix, Duration urlExpiry) {
        this.s3 = s3;
        this.prefix = prefix;
        this.urlExpiry = urlExpiry;
    }

    @Override
    public Staged stage(String runKey, List<Path> files) throws IOException {
        List<String> urls = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        try {
            for (Path f : files) {
                String key = prefix + runKey + "/" + f.getFileName();
                s3.client().putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromFile(f));
                urls.add(presign(key));
                locations.add("s3://" + s3.bucket() + "/" + key);
            }
        } catch (SdkException e) {
            throw new IOException("cannot stage to s3://" + s3.bucket() + "/" + prefix + runKey + ": " + e.getMessage(), e);
        }
        return new Staged(IndexParallelSpec.InputSource.http(urls), locations);
    }

    /** A GET URL for {@code key} valid for the configured expiry. */
    public String presign(String key) {
        return s3.presigner().presignGetObject(p -> p.signatureDuration(urlExpiry)
                .getObjectRequest(g -> g.bucket(s3.bucket()).key(key))).url().toString();
    }

    @Override
    public void remove(String runKey) throws IOException {
        try {
            for (S3Object o : s3.client().listObjectsV2Paginator(b -> b.bucket(s3.bucket()).prefix(prefix + runKey + "/")).contents()) {
                s3.client().deleteObject(b -> b.bucket(s3.bucket()).key(o.key()));
            }
        } catch (SdkException e) {
            throw new IOException("cannot remove staged files under s3://" + s3.bucket() + "/" + prefix + runKey + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + s3.bucket() + "/" + prefix + " (presigned GET URLs, valid " + urlExpiry + ")";
    }
}
