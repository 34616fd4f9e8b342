package io.ferry.genlog;

import io.ferry.config.FerryConfig;
import io.ferry.config.S3ConnectionConfig;
import io.ferry.config.SecretResolver;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The archive files a rotation wrote ({@code *.ndjson.gz}, {@code *.csv.gz}): found in folders or under an S3 prefix,
 * listed, read one after the other.
 */
public final class ArchiveFiles {
    private static final String S3_SCHEME = "s3://";

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

    /**
     * Reads archives by location into {@code sink} until it returns false; returns the rows read. A location is a file,
     * a folder (every archive in it) or {@code s3://bucket/key} (an object, or every archive under it as a prefix; the
     * bucket must be that of an s3 connection of the configuration, only loaded then). Local files are read first, then
     * S3, each in name order.
     */
    public static long read(Supplier<FerryConfig> config, List<String> locations, LogRowSink sink) throws IOException {
        List<Path> local = new ArrayList<>();
        List<S3Archives.S3Uri> remote = new ArrayList<>();
        for (String l : locations) {
            if (l.startsWith(S3_SCHEME)) {
                remote.add(S3Archives.S3Uri.parse(l));
            } else {
                local.add(Path.of(l));
            }
        }
        boolean[] stopped = {false};
        LogRowSink until = r -> {
            boolean more = sink.accept(r);
            stopped[0] = !more;
            return more;
        };
        long n = read(expand(local), until);
        for (S3Archives.S3Uri at : remote) {
            if (stopped[0]) {
                break;
            }
            n += readS3(config.get(), at, until, stopped);
        }
        return n;
    }

    private static long readS3(FerryConfig config, S3Archives.S3Uri at, LogRowSink sink, boolean[] stopped)
            throws IOException {
        S3ConnectionConfig s3c = S3Archives.forBucket(config, at.bucket());
        long n = 0;
        try (S3Client s3 = S3Archives.client(s3c, SecretResolver.forConfig(config))) {
            List<S3Archives.S3Uri> objects = S3Archives.list(s3, at);
            if (objects.isEmpty()) {
                throw new GenlogException(at + ": no archive (*.ndjson.gz, *.csv.gz) there");
            }
            for (S3Archives.S3Uri o : objects) {
                n += S3Archives.read(s3, o, sink);
                if (stopped[0]) {
                    break;
                }
            }
        }
        return n;
    }

    private static boolean isArchive(Path p) {
        return Files.isRegularFile(p) && ArchiveFormat.isArchiveName(p.getFileName().toString());
    }
}
