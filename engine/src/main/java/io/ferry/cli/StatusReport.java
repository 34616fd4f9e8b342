package io.ferry.cli;

import io.ferry.genlog.GenlogStatus;
import io.ferry.genlog.StatusFigure;
import io.ferry.genlog.StatusFigures;
import io.ferry.genlog.StatusReader;

import java.util.Locale;
import java.util.Optional;

/** Renders a {@link GenlogStatus} as the lines of {@code ferry genlog status}. */
final class StatusReport {
    private StatusReport() {
    }

    static String render(GenlogStatus s, Optional<StatusReader.RdsStorage> storage) {
        StringBuilder b = new StringBuilder();
        b.append(s.connection()).append(" - mysql.").append(s.kind().table()).append(" (").append(s.settings().version()).append(")\n");
        for (StatusFigure f : StatusFigures.of(s, storage)) {
            String note = f.note();
            if (f.name().equals("RDS rotates at") && storage.isEmpty()) {
                note = "give --allocated-storage-gb GB to project when RDS rotates on its own";
            }
            line(b, f.name(), f.value(), switch (f.accuracy()) {
                case SETTING -> note;
                case EXACT -> f.name().equals("rows") ? "exact; " + note : "exact: " + note;
                case ESTIMATE -> "estimate: " + note;
            });
        }
        if (!s.settings().toTable()) {
            return b.toString();
        }
        b.append("  note: ").append(StatusFigures.COST_NOTE.replace("; rotate", ";\n        rotate")).append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value, String note) {
        b.append(String.format(Locale.ROOT, "  %-16s %-22s %s", key, value, note).stripTrailing()).append('\n');
    }
}
