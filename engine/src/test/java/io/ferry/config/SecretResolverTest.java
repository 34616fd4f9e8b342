package io.ferry.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretResolverTest {
    @TempDir
    Path dir;

    private final SecretResolver resolver = new SecretResolver(Map.of("FERRY_PW", "pw-from-env", "EMPTY", "")::get,
            AwsSecretsManagerReader.unavailable("not used in this test"));

    @AfterEach
    void forgetSecrets() {
        SecretRegistry.clear();
    }

    @Test
    void anEnvironmentVariableIsReadAndRegisteredForMasking() {
        Secret secret = resolver.resolve(new SecretRef.Env("FERRY_PW"));

        assertThat(secret.reveal()).isEqualTo("pw-from-env");
        assertThat(secret).hasToString("******");
        assertThat(SecretRegistry.mask("login with pw-from-env failed")).isEqualTo("login with ****** failed");
    }

    @Test
    void anUnsetOrEmptyVariableIsAPreciseError() {
        assertThatThrownBy(() -> resolver.resolve(new SecretRef.Env("FERRY_MISSING")))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage("env:FERRY_MISSING: the environment variable FERRY_MISSING is not set; export it before"
                        + " starting Ferry");
        assertThatThrownBy(() -> resolver.resolve(new SecretRef.Env("EMPTY")))
                .hasMessage("env:EMPTY: the environment variable EMPTY is empty");
    }

    @Test
    void anOwnerOnlyFileIsReadWithoutItsTrailingNewline() throws Exception {
        Path file = secretFile("dw.password", "file-secret\n", "rw-------");

        assertThat(resolver.resolve(new SecretRef.File(file)).reveal()).isEqualTo("file-secret");
    }

    @Test
    void aFileReadableByOthersIsRefusedWithTheChmodThatFixesIt() throws Exception {
        Path file = secretFile("dw.password", "file-secret\n", "rw-r--r--");

        assertThatThrownBy(() -> resolver.resolve(new SecretRef.File(file)))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage("file:" + file + ": " + file + " is accessible by group/others (mode rw-r--r--); a secret"
                        + " file must be readable by its owner only. Fix it with: chmod 600 " + file)
                .hasMessageNotContaining("file-secret");
    }

    @Test
    void aMissingFileIsAPreciseError() {
        Path file = dir.resolve("nope");

        assertThatThrownBy(() -> resolver.resolve(new SecretRef.File(file)))
                .hasMessage("file:" + file + ": the file " + file + " does not exist");
    }

    @Test
    void aTildeInAFileReferenceIsTheHomeFolder() {
        SecretRef ref = SecretRef.parse("file:~/.ferry/secrets/shop", Path.of("/etc"));

        assertThat(ref).isEqualTo(new SecretRef.File(Path.of(System.getProperty("user.home"), ".ferry/secrets/shop")));
        assertThat(SecretRef.parse("file:dw.password", Path.of("/etc/ferry")))
                .isEqualTo(new SecretRef.File(Path.of("/etc/ferry/dw.password")));
    }

    private Path secretFile(String name, String content, String mode) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }
}
