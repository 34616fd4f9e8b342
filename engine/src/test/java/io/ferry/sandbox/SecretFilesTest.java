package io.ferry.sandbox;

import io.ferry.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFilesTest {

    @Test
    void writesTheSecretReadableOnlyByItsOwner(@TempDir Path tmp) throws Exception {
        Path file = SecretFiles.write(tmp.resolve("secrets").resolve("db.password"), Secret.of("s3cr3t"));

        assertThat(Files.readString(file)).isEqualTo("s3cr3t");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void overwritingKeepsThePermission(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("key");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecretFiles.write(file, Secret.of("new"));

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void generatedSecretsAreLongRandomAndNeedNoQuoting() {
        Secret a = SecretFiles.generate(24);
        Secret b = SecretFiles.generate(24);
        assertThat(a.reveal()).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void endpointsDoNotShowTheirSecrets() {
        DatabaseEndpoint db = new DatabaseEndpoint("127.0.0.1", 1, "ferry", Secret.of("hunter2hunter2"), "shop",
                Path.of("/x"), "mysql");
        assertThat(db.toString()).doesNotContain("hunter2hunter2").contains(Secret.MASK);
    }
}
