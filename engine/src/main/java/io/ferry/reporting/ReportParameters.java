package io.ferry.reporting;

import io.ferry.config.ReportConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns request parameters into the values of a report's {@code ?} placeholders, in the order its {@code params}
 * names them. {@code from} and {@code to} are times ({@code 2024-01-01}, {@code 2024-01-01T10:00} or an instant,
 * UTC) and reach Druid as ISO-8601 instants (use {@code TIME_PARSE(?)} in the SQL); other parameters as text.
 */
public final class ReportParameters {
    static final Set<String> TIMES = Set.of("from", "to");

    private ReportParameters() {
    }

    public static Object[] bind(ReportConfig report, Map<String, String> given) {
        List<String> names = report.params();
        Object[] values = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                throw ReportRequestException.badParameter("report '" + report.name() + "' needs the parameter '" + name
                        + "' (it takes " + names + ")");
            }
            values[i] = TIMES.contains(name) ? time(name, value).toString() : value;
        }
        return values;
    }

    static Instant time(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw ReportRequestException.badParameter("parameter '" + name + "' is not a time: use 2024-01-01, "
                            + "2024-01-01T10:00 or 2024-01-01T10:00:00Z (UTC)");
                }
            }
        }
    }
}
