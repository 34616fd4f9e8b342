package io.ferry.config;

import java.nio.file.Path;

/** Path spelling in ferry.yaml: {@code ~} is the user's home, relative paths are relative to the file's folder. */
final class Paths {
    private Paths() {
    }

    static Path expand(String text, Path baseDir) {
        String home = System.getProperty("user.home");
        Path path;
        if (text.equals("~")) {
            path = Path.of(home);
        } else if (text.startsWith("~/")) {
            path = Path.of(home, text.substring(2));
        } else {
            path = Path.of(text);
        }
        return (path.isAbsolute() ? path : baseDir.resolve(path)).normalize();
    }
}
