package io.ferry.config;

import java.nio.file.Path;

/**
 * One thing wrong in a configuration file, with where it is.
 *
 * @param file    the file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param keyPath the key as a dotted path ({@code connections.shop.port}), or "" for the whole file
 * @param message what is wrong and what is expected; never contains a secret value
 */
public record ConfigProblem(Path file, int line, int column, String keyPath, String message) {

    /** {@code ferry.yaml:7:11: connections.shop.port: expected a port number (1-65535), found 'abc'}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ");
        if (!keyPath.isEmpty()) {
            out.append(keyPath).append(": ");
        }
        return out.append(message).toString();
    }
}
