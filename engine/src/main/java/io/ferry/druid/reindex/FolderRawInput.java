package io.ferry.druid.reindex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Raw files under a local folder; a key is the path relative to it, with {@code /} separators. */
public final class FolderRawInput implements RawInput {
    private final Path root;

    public FolderRawInput(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path path(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("key " + key + " leaves the folder " + root);
        }
        return p;
    }

    @Override
    public List<StoredFile> list(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : path(prefix.substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StoredFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(f).toString().replace('\\', '/');
                if (key.startsWith(prefix)) {
                    out.add(new StoredFile(key, Files.size(f)));
                }
            }
        }
        out.sort(Comparator.comparing(StoredFile::key));
        return out;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public String locate(String key) {
        return path(key).toString();
    }
}
