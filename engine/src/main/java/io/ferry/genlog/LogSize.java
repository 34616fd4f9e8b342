package io.ferry.genlog;

/**
 * A log table's size on disk and how it was found.
 *
 * @param bytes  the size
 * @param exact  true when read (file size, MyISAM metadata); false when estimated from sampled rows
 * @param method how it was found, for the user
 * @param engine the table's storage engine (CSV by default)
 */
public record LogSize(long bytes, boolean exact, String method, String engine) {
}
