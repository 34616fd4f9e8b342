package io.ferry.druid.lambda;

import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where raw event files are kept: keys ({@code a/b/c}) in an S3 bucket or files under a local folder. */
public interface RawEventStore {

    void put(String key, byte[] content) throws IOException;

    Optional<byte[]> get(String key) throws IOException;

    /** Removes the key if present. */
    void delete(String key) throws IOException;

    /** Every key starting with {@code prefix}, sorted. */
    List<String> list(String prefix) throws IOException;

    /** {@code s3://bucket/} or the folder, for messages. */
    String describe();

    static RawEventStore s3(S3Client s3, String bucket) {
        return new S3RawEventStore(s3, bucket);
    }

    static RawEventStore folder(Path root) {
        return new FolderRawEventStore(root);
    }
}
