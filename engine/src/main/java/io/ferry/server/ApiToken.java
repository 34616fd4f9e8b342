package io.ferry.server;

import io.ferry.config.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The bearer token of the HTTP API: generated into a file only its owner can read, or given by the configuration. */
public final class ApiToken {
    public static final String FILE_NAME = "api-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Secret token;

    public ApiToken(Secret token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the API token is empty");
        }
        this.token = token;
    }

    /** A new random token (256 bits, hex) written to {@code dataDir/api-token}, mode 0600, replacing any older one. */
    public static ApiToken generate(Path dataDir) throws IOException {
        return generate(dataDir, FILE_NAME);
    }

    /** The same, into {@code dataDir/fileName} (the engine's status endpoint has a token of its own). */
    public static ApiToken generate(Path dataDir, String fileName) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Secret secret = Secret.of(HexFormat.of().formatHex(bytes));
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(fileName);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret.reveal() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return new ApiToken(secret);
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** True when an {@code Authorization} header carries this token ({@code Bearer <token>}); constant-time. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorizationHeader.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.reveal().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ApiToken[" + Secret.MASK + "]";
    }
}
