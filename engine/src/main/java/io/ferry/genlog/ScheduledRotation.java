package io.ferry.genlog;

import java.util.Optional;

/**
 * A rotation event Ferry installed, as the server reports it.
 *
 * @param event        {@code ferry_admin.ferry_rotate_general_log}
 * @param every        e.g. {@code 1 DAY}
 * @param status       ENABLED, DISABLED
 * @param lastExecuted when it last fired (server time zone), if ever
 * @param body         what it runs
 */
public record ScheduledRotation(String event, String every, String status, String definer, Optional<String> lastExecuted,
                                String body) {
}
