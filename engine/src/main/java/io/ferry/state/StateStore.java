package io.ferry.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Ferry's embedded store for what must survive a restart: an H2 file database at
 * {@code <dataDir>/state/ferry}, migrated by Flyway from {@code classpath:db/migration}.
 * <p>
 * One process at a time: opening takes an exclusive lock on {@code <dataDir>/state/ferry.lock} (holding the
 * owner's pid), so a second Ferry gets a {@link StateStoreLockedException} that names the holder instead
 * of H2's generic "database may be already in use".
 */
public final class StateStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final HikariDataSource dataSource;

    private StateStore(Path folder, FileChannel lockChannel, FileLock lock, HikariDataSource dataSource) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.dataSource = dataSource;
    }

    /** Opens (creating and migrating as needed) the state store of a data directory. */
    public static StateStore open(Path dataDir) {
        Path folder = dataDir.resolve("state");
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(folder);
            Path lockFile = folder.resolve("ferry.lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            lock = tryLock(channel, lockFile);
            writeOwner(channel);
            HikariDataSource dataSource = dataSource(folder.resolve("ferry"));
            try {
                MigrateResult result = Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info("State store {} migrated to version {}", folder, result.targetSchemaVersion);
                }
            } catch (RuntimeException e) {
                dataSource.close();
                throw e;
            }
            return new StateStore(folder, channel, lock, dataSource);
        } catch (IOException e) {
            release(channel, lock);
            throw new UncheckedIOException("cannot open the state store in " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(channel, lock);
            throw e;
        }
    }

    /** The folder holding the database and its lock. */
    public Path folder() {
        return folder;
    }

    /** A pooled DataSource of the store (a few connections; H2 in embedded mode). */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close(); // H2 closes the database with its last connection

        release(lockChannel, lock);
    }

    private static FileLock tryLock(FileChannel channel, Path lockFile) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process already holds it
        }
        if (lock == null) {
            String owner = readOwner(channel);
            channel.close();
            throw new StateStoreLockedException("the state store in " + lockFile.getParent() + " is in use by another"
                    + " Ferry (" + owner + "); stop that one first, or give this one another dataDir");
        }
        return lock;
    }

    private static void writeOwner(FileChannel channel) throws IOException {
        byte[] owner = ("pid " + ProcessHandle.current().pid() + " on " + hostName() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner), 0);
        channel.force(true);
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n = channel.read(buffer, 0);
            return n <= 0 ? "owner unknown" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "owner unknown";
        }
    }

    private static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(at + 1);
    }

    private static HikariDataSource dataSource(Path database) {
        HikariConfig config = new HikariConfig();
        // KEY and VALUE are column names of job_state; H2 2.x treats them as keywords otherwise.
        config.setJdbcUrl("jdbc:h2:file:" + database.toAbsolutePath() + ";NON_KEYWORDS=KEY,VALUE");
        config.setUsername("ferry");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setPoolName("ferry-state");
        return new HikariDataSource(config);
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("Could not release the state store lock: {}", e.getMessage());
        }
    }
}
