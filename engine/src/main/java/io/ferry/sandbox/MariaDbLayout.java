package io.ferry.sandbox;

import java.nio.file.Path;

/** Where one MariaDB instance keeps its files, all under its own directory. */
record MariaDbLayout(Path dir) {
    /** mariadbd refuses socket paths longer than 107 bytes. */
    private static final int MAX_SOCKET_PATH = 100;

    MariaDbLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path tmpDir() {
        return dir.resolve("tmp");
    }

    Path initFile() {
        return dir.resolve("init.sql");
    }

    Path logFile() {
        return dir.resolve("mariadbd.log");
    }

    Path socket() {
        Path inDir = dir.resolve("mariadbd.sock");
        if (inDir.toString().length() <= MAX_SOCKET_PATH) {
            return inDir;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "ferry-mariadb-" + Integer.toHexString(dir.hashCode()) + ".sock");
    }
}
