package io.ferry.cli;

import io.ferry.genlog.ByteSize;

/** Byte counts for people: 1.5 GB. */
final class Bytes {
    private Bytes() {
    }

    static String human(long bytes) {
        return ByteSize.human(bytes);
    }
}
