package io.ferry.druid;

/**
 * Druid refused or failed a request. The message carries Druid's own error text and the request that caused it
 * (method and URL, never a body that could hold credentials), so a user can tell what Druid objected to.
 */
public final class DruidException extends RuntimeException {
    private final String request;
    private final int status;
    private final String druidMessage;

    public DruidException(String request, int status, String druidMessage, Throwable cause) {
        super(describe(request, status, druidMessage), cause);
        this.request = request;
        this.status = status;
        this.druidMessage = druidMessage;
    }

    private static String describe(String request, int status, String druidMessage) {
        String what = status > 0 ? "Druid answered HTTP " + status + " to " + request : "Druid did not answer " + request;
        return druidMessage == null || druidMessage.isBlank() ? what : what + ": " + druidMessage;
    }

    /** Method and URL of the failed request, e.g. {@code POST http://127.0.0.1:8081/druid/indexer/v1/task}. */
    public String request() {
        return request;
    }

    /** The HTTP status, or 0 when no answer came (connection refused, timeout). */
    public int status() {
        return status;
    }

    /** Druid's own error text (errorMessage, error, or the body as it came). */
    public String druidMessage() {
        return druidMessage;
    }
}
