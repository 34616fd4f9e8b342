package io.ferry.cli;

import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A point in time on the command line: {@code 2024-01-01}, {@code 2024-01-01T10:00} or an instant; UTC unless a zone is given. */
final class TimeArgument implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return parse(value);
    }

    static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not a time: use 2024-01-01, 2024-01-01T10:00 or 2024-01-01T10:00:00Z (UTC)");
                }
            }
        }
    }
}
