package io.ferry.genlog;

/** How an archive file is written; gzip either way. The reader tells them apart by their first byte. */
public enum ArchiveFormat {
    /** One JSON object per line, the table's column names as keys. */
    NDJSON("ndjson", ".ndjson.gz"),
    /** RFC 4180: a header line with the table's column names, CRLF line ends, quotes doubled. */
    CSV("csv", ".csv.gz");

    private final String word;
    private final String extension;

    ArchiveFormat(String word, String extension) {
        this.word = word;
        this.extension = extension;
    }

    public String word() {
        return word;
    }

    /** {@code .ndjson.gz} or {@code .csv.gz}. */
    public String extension() {
        return extension;
    }

    /** Whether a file or object name is an archive of either format. */
    public static boolean isArchiveName(String name) {
        return name.endsWith(NDJSON.extension) || name.endsWith(CSV.extension);
    }

    public static ArchiveFormat fromWord(String word) {
        for (ArchiveFormat f : values()) {
            if (f.word.equalsIgnoreCase(word)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown archive format '" + word + "': use ndjson or csv");
    }
}
