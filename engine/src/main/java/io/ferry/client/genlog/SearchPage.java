package io.ferry.client.genlog;

import java.util.List;

/** The first rows a search found, and whether more match. */
public record SearchPage(List<LogEntry> rows, boolean more) {
}
