package io.ferry.genlog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where archives go. An archive is always written and verified as a local file first; a destination then keeps it
 * there or uploads it (and verifies the copy) before the rotated table may be dropped.
 */
public interface ArchiveDestination {

    ArchiveFormat format();

    /** The local file to write the archive {@code baseName} (no extension) of {@code connection} to. */
    Path localFile(String connection, String baseName);

    /**
     * Makes a verified local archive of {@code rows} rows final; returns where it now is (a path or an s3:// URI).
     *
     * @throws IOException when it could not (then nothing may be dropped)
     */
    String publish(Path file, String connection, long rows) throws IOException;

    /** For people: a folder or an s3:// prefix. */
    String describe();

    /** A local folder: {@code <root>/<connection>/<name>.ndjson.gz}. */
    static ArchiveDestination folder(Path root, ArchiveFormat format) {
        return new ArchiveDestination() {
            @Override
            public ArchiveFormat format() {
                return format;
            }

            @Override
            public Path localFile(String connection, String baseName) {
                return root.resolve(connection).resolve(baseName + format.extension());
            }

            @Override
            public String publish(Path file, String connection, long rows) {
                return file.toString();
            }

            @Override
            public String describe() {
                return root.toString();
            }
        };
    }
}
