package io.ferry.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): each metric family once, with its HELP and TYPE
 * lines, then its samples. Label values are escaped (backslash, double quote, line feed).
 */
final class PrometheusText {
    private record Family(String help, String type, StringBuilder samples) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** Declares a family (in the order of first declaration). */
    PrometheusText family(String name, String type, String help) {
        families.putIfAbsent(name, new Family(help, type, new StringBuilder()));
        return this;
    }

    /** One sample; {@code labels} alternate name, value. */
    PrometheusText sample(String name, double value, String... labels) {
        Family f = families.get(name);
        if (f == null) {
            throw new IllegalArgumentException("undeclared metric " + name);
        }
        f.samples.append(name);
        if (labels.length > 0) {
            f.samples.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                f.samples.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            f.samples.append('}');
        }
        f.samples.append(' ').append(number(value)).append('\n');
        return this;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        families.forEach((name, f) -> {
            out.append("# HELP ").append(name).append(' ').append(f.help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(f.type).append('\n');
            out.append(f.samples);
        });
        return out.toString();
    }
}
