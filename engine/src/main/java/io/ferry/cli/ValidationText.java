package io.ferry.cli;

import io.ferry.replication.validate.TableDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code ferry validate} prints for one table. */
final class ValidationText {
    private ValidationText() {
    }

    static List<String> describe(TableDiff d) {
        List<String> lines = new ArrayList<>();
        String head = d.table() + " → " + d.target() + ": ";
        if (d.equal()) {
            lines.add(head + "equal (" + n(d.sourceRows()) + " rows, " + n(d.chunks()) + " chunk(s)"
                    + (d.rechecked() > 0 ? ", " + n(d.rechecked()) + " re-check(s) after the job caught up" : "") + ")");
        } else {
            lines.add(head + "DIFFERENT (source " + n(d.sourceRows()) + " rows, warehouse " + n(d.warehouseRows()) + ")");
        }
        if (d.suspended() != null) {
            lines.add("  suspended by the job's error policy: " + d.suspended());
        }
        for (TableDiff.Chunk c : d.differingChunks()) {
            lines.add("  chunk " + c.number() + " [" + c.firstKey() + " .. " + c.lastKey() + "], " + n(c.rows()) + " rows: "
                    + n(c.missing()) + " missing, " + n(c.different()) + " different");
        }
        keys(lines, "missing in the warehouse", d.missing());
        keys(lines, "extra in the warehouse", d.extra());
        keys(lines, "different values", d.different());
        if (!d.equal() && d.unsettled() != null) {
            lines.add("  (may be changes not applied yet: " + d.unsettled() + ")");
        }
        return lines;
    }

    private static void keys(List<String> lines, String what, TableDiff.Keys keys) {
        if (keys.count() > 0) {
            lines.add("  " + what + " (" + n(keys.count()) + "): " + String.join(", ", keys.listed())
                    + (keys.count() > keys.listed().size() ? ", …" : ""));
        }
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
