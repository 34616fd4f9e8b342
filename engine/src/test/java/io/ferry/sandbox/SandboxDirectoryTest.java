package io.ferry.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxDirectoryTest {

    @Test
    void refusesToWipeADirectoryThatIsNotASandbox(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("thesis.tex"), "precious");

        assertThatThrownBy(() -> SandboxDirectory.prepareClean(tmp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not empty and is not a Ferry sandbox");
        assertThat(Files.readString(tmp.resolve("thesis.tex"))).isEqualTo("precious");
    }

    @Test
    void wipesAPreviousSandbox(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("sbx");
        SandboxDirectory.prepareClean(root);
        Files.createDirectories(root.resolve("mariadb/data"));
        Files.writeString(root.resolve("mariadb/data/ibdata1"), "old");

        SandboxDirectory.prepareClean(root);

        assertThat(root.resolve("mariadb")).doesNotExist();
        assertThat(root.resolve(SandboxDirectory.MARKER)).exists();
    }
}
