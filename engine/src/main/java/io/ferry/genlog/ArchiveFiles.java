package io.ferry.genlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The archive files a rotation wrote ({@code *.ndjson.gz}): found in folders, listed, read one after the other. */
public final class ArchiveFiles {
    private static final String SUFFIX = ".ndjson.gz";

    /** One archive file. */
    public record Entry(Path file, long bytes, Instant modified) {
    }

    private ArchiveFiles() {
    }

    /** The files named, each folder replaced by the archives in it, in name order (which is time order). */
    public static List<Path> expand(List<Path> filesOrFolders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(ArchiveFiles::isArchive).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new GenlogException(p + ": no such archive file or folder");
            }
        }
        return files;
    }

    /** The archives in {@code folder}, newest first; none when the folder does not exist yet. */
    public static List<Entry> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(ArchiveFiles::isArchive).toList()) {
                out.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
            }
        }
        out.sort(Comparator.comparing(Entry::modified).thenComparing(e -> e.file().getFileName().toString()).reversed());
        return out;
    }

    /** Reads the files in order into {@code sink} until it returns false; returns the rows read. */
    public static long read(List<Path> files, LogRowSink sink) throws IOException {
        long n = 0;
        for (Path f : files) {
            boolean[] stopped = {false};
            n += ArchiveReader.read(f, r -> {
                boolean more = sink.accept(r);
                stopped[0] = !more;
                return more;
            });
            if (stopped[0]) {
                break;
            }
        }
        return n;
    }

    private static boolean isArchive(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX);
    }
}
