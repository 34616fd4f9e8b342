package io.ferry.druid.flatten;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** NDJSON files, plain or gzip (by the {@code .gz} ending), and the inputs a folder holds. */
public final class NdjsonFiles {
    private NdjsonFiles() {
    }

    public static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    public static InputStream openInput(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return isGzip(file) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    public static OutputStream openOutput(Path file) throws IOException {
        return openOutput(file, isGzip(file));
    }

    public static OutputStream openOutput(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return gzip ? new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16)
                : new BufferedOutputStream(out, 1 << 16);
    }

    /**
     * The files to read: each file as given, and for a folder every {@code .json}, {@code .ndjson}, {@code .jsonl}
     * file in it or below (plain or {@code .gz}), in name order.
     */
    public static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    walk.filter(Files::isRegularFile).filter(NdjsonFiles::looksLikeNdjson).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new IOException("no such file or folder: " + in);
            }
        }
        return files;
    }

    private static boolean looksLikeNdjson(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }
}
