package io.ferry.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretStoreTest {
    @TempDir
    Path dataDir;

    @AfterEach
    void forgetSecrets() {
        SecretRegistry.clear();
    }

    @Test
    void aTypedPasswordGoesToAnOwnerOnlyFileAndComesBackAsAFileReference() throws Exception {
        SecretStore store = new SecretStore(dataDir);

        SecretRef.File ref = store.store("shop-password", Secret.of("typed-in-console"));

        assertThat(ref.path()).isEqualTo(dataDir.resolve("secrets/shop-password"));
        assertThat(ref.toString()).isEqualTo("file:" + dataDir.resolve("secrets/shop-password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ref.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.folder()))).isEqualTo("rwx------");
        SecretResolver resolver = new SecretResolver(name -> null, AwsSecretsManagerReader.unavailable("unused"));
        assertThat(resolver.resolve(ref).reveal()).isEqualTo("typed-in-console");
    }

    @Test
    void storingAgainReplacesTheValueAndLeavesNoTemporaryFile() throws Exception {
        SecretStore store = new SecretStore(dataDir);
        store.store("dw", Secret.of("first-value"));

        SecretRef.File ref = store.store("dw", Secret.of("second"));

        assertThat(Files.readString(ref.path())).isEqualTo("second");
        try (var files = Files.list(store.folder())) {
            assertThat(files).containsExactly(ref.path());
        }
    }

    @Test
    void aNameThatIsNotAPlainFileNameIsRefused() {
        assertThatThrownBy(() -> new SecretStore(dataDir).store("../etc/passwd", Secret.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a secret name is lower-case letters");
    }
}
