package io.ferry.druid.reindex;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Read access to the raw event files of a job: a local folder or an S3 bucket, by key ({@code a/b/c}). */
public interface RawInput extends AutoCloseable {

    /** A stored file: its key and size in bytes. */
    record StoredFile(String key, long size) {
    }

    /** Every file whose key starts with {@code prefix}, sorted by key. */
    List<StoredFile> list(String prefix) throws IOException;

    /** The file's bytes as stored (still gzipped if it is). */
    InputStream open(String key) throws IOException;

    /** {@code s3://bucket/key} or the file's path, for messages. */
    String locate(String key);

    @Override
    default void close() {
    }
}
