package io.ferry.druid.lambda;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Raw event files as objects of one S3 bucket (AWS SDK v2; for S3Proxy, a client from {@code S3Server.newClient}). */
final class S3RawEventStore implements RawEventStore {
    private final S3Client s3;
    private final String bucket;

    S3RawEventStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) content.length), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).forEach(keys::add);
        keys.sort(null);
        return keys;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/";
    }
}
