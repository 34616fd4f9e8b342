package io.ferry.genlog;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a digest, or search results, as RFC 4180 CSV. */
public final class DigestCsv {
    private DigestCsv() {
    }

    public static void writeDigest(List<DigestGroup> groups, Writer w) throws IOException {
        w.write("key,count,first_seen,last_seen,top_users,top_hosts,example\r\n");
        for (DigestGroup g : groups) {
            row(w, g.key(), Long.toString(g.count()), g.firstSeen(), g.lastSeen(), joined(g.topUsers()), joined(g.topHosts()),
                    g.example());
        }
    }

    public static void writeRowsHeader(Writer w) throws IOException {
        w.write("event_time,user_host,thread_id,server_id,command_type,argument\r\n");
    }

    public static void writeRow(LogRow r, Writer w) throws IOException {
        row(w, r.eventTime(), r.userHost(), Long.toString(r.threadId()), Long.toString(r.serverId()), r.commandType(),
                r.argument());
    }

    private static String joined(List<Map.Entry<String, Long>> top) {
        return top.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells[i] == null ? "" : cells[i]));
        }
        w.write("\r\n");
    }

    static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        String safe = cell;
        // a cell starting with = + - @ is a formula to a spreadsheet: keep it text
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            safe = "'" + cell;
        }
        return needs ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
