package io.ferry.reporting;

/** A report request that cannot be answered as asked: an unknown report or a missing or malformed parameter. */
public final class ReportRequestException extends RuntimeException {
    private final boolean notFound;

    private ReportRequestException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public static ReportRequestException unknownReport(String name, java.util.Collection<String> known) {
        return new ReportRequestException("no report '" + name + "'; the reports are " + known, true);
    }

    public static ReportRequestException badParameter(String message) {
        return new ReportRequestException(message, false);
    }

    public boolean notFound() {
        return notFound;
    }
}
