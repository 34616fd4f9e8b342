package io.ferry.client.genlog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where a search or digest reads: a connection's live general-log table, or archive files (or folders). */
public sealed interface LogSource {
    record Live(String connection) implements LogSource {
        public Live {
            Objects.requireNonNull(connection, "connection");
        }
    }

    record Archives(List<Path> files) implements LogSource {
        public Archives {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("choose at least one archive file");
            }
        }
    }

    static LogSource live(String connection) {
        return new Live(connection);
    }

    static LogSource archives(List<Path> files) {
        return new Archives(files);
    }
}
