package io.ferry.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets typed into the console: each in its own owner-only file ({@code 0600}) under
 * {@code <dataDir>/secrets/} (a {@code 0700} folder). ferry.yaml then gets the returned {@code file:}
 * reference, never the value.
 */
public final class SecretStore {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path folder;

    public SecretStore(Path dataDir) {
        this.folder = dataDir.resolve("secrets");
    }

    public Path folder() {
        return folder;
    }

    /**
     * Writes (or replaces) the secret called {@code name}, e.g. {@code shop-password}.
     *
     * @return the reference to write in ferry.yaml
     */
    public SecretRef.File store(String name, Secret secret) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret name is lower-case letters, digits, '.', '_' and '-': '"
                    + name + "'");
        }
        try {
            createFolder();
            Path target = folder.resolve(name);
            Path temp = folder.resolve("." + name + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, ownerOnly(OWNER_FILE));
            Files.writeString(temp, secret.reveal(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            SecretRegistry.register(secret);
            return new SecretRef.File(target.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret " + name + " under " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            if (isPosix()) {
                Files.setPosixFilePermissions(folder, OWNER_DIR);
            }
            return;
        }
        Files.createDirectories(folder.getParent());
        try {
            Files.createDirectory(folder, ownerOnly(OWNER_DIR));
        } catch (FileAlreadyExistsException e) {
            // created concurrently; permissions are fixed on next use
        }
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return isPosix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private boolean isPosix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
