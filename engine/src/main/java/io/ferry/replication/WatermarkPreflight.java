package io.ferry.replication;

import io.ferry.genlog.FerrySchema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-flight check of the full load's watermarks: with table watermarks the replication user must be able to
 * write {@code ferry_admin.replication_watermarks} (INSERT and UPDATE, and CREATE while the table does not exist),
 * read from its own {@code SHOW GRANTS}. A read-only source (GTID watermarks) needs nothing more.
 */
final class WatermarkPreflight {
    private static final Pattern ROLE = Pattern.compile("^GRANT [`'][^ ]*[`'] TO .*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (\\S+) TO .*$", Pattern.CASE_INSENSITIVE);

    private WatermarkPreflight() {
    }

    /** Every problem with the watermarks of {@code mode} on this source; empty when there is none. */
    static List<String> problems(Connection source, WatermarkMode mode) throws SQLException {
        if (mode.resolve(source) == WatermarkMode.GTID) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        Set<String> needed = new TreeSet<>(List.of("INSERT", "UPDATE"));
        if (!TableWatermarks.exists(source)) {
            needed.add("CREATE");
        }
        Set<String> missing = missing(lines, needed);
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of("the user cannot write the full load's watermark table " + TableWatermarks.TABLE + " (it lacks "
                + String.join(", ", missing) + " there): GRANT " + String.join(", ", needed) + " ON " + FerrySchema.NAME
                + ".* TO the replication user; or, on a read-only source (a replica), set watermarks: gtid on the job");
    }

    /** The privileges of {@code needed} that no grant line gives on the watermark table; empty if a role may. */
    static Set<String> missing(List<String> grantLines, Set<String> needed) {
        Set<String> missing = new TreeSet<>(needed);
        for (String line : grantLines) {
            String trimmed = line.trim();
            if (ROLE.matcher(trimmed).matches()) {
                return Set.of(); // a role: its privileges are not listed here, so do not claim any is missing
            }
            Matcher m = GRANT.matcher(trimmed);
            if (!m.matches()) {
                continue;
            }
            String privileges = m.group(1).toUpperCase(Locale.ROOT);
            if (!covers(m.group(2))) {
                continue;
            }
            if (privileges.contains("ALL PRIVILEGES")) {
                return Set.of();
            }
            for (String p : privileges.split(",")) {
                missing.remove(p.trim().replaceAll("\\s*\\(.*", ""));
            }
        }
        return missing;
    }

    /** Whether a grant's scope ({@code *.*}, {@code `db`.*}, {@code `db`.`table`}) includes the watermark table. */
    private static boolean covers(String scope) {
        if (scope.equals("*.*")) {
            return true;
        }
        int dot = scope.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String db = unquote(scope.substring(0, dot));
        String table = unquote(scope.substring(dot + 1));
        return like(TableWatermarks.TABLE.schema(), db)
                && (table.equals("*") || table.equalsIgnoreCase(TableWatermarks.TABLE.table()));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1).replace("``", "`") : s;
    }

    /** MySQL's database-name patterns in grants: {@code %} and {@code _} wildcards, {@code \_} a literal underscore. */
    static boolean like(String name, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(name).matches();
    }
}
