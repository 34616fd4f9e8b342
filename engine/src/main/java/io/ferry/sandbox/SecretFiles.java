package io.ferry.sandbox;

import io.ferry.config.Secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Generates secrets and keeps them in files only their owner can read (0600, in a 0700 directory). */
public final class SecretFiles {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** A random secret of letters and digits only, so it needs no quoting in SQL, shells or YAML. */
    public static Secret generate(int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return Secret.of(value.toString());
    }

    /**
     * Writes the secret (no trailing newline) to {@code file}. The file is created with permission 0600
     * before the value goes in, so it is never readable by others, not even for a moment.
     */
    public static Path write(Path file, Secret secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret.reveal(), StandardOpenOption.TRUNCATE_EXISTING);
        return file.toAbsolutePath();
    }
}
