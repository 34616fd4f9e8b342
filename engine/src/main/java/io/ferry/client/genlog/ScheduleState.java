package io.ferry.client.genlog;

import java.util.Optional;

/**
 * The scheduled rotation of a connection and whether it can fire.
 *
 * @param eventScheduler {@code @@global.event_scheduler}: ON, OFF, DISABLED
 * @param schedulerFix   how to turn it on, when it is not
 * @param flavour        what the event would run
 * @param event          the installed event, if any
 */
public record ScheduleState(String eventScheduler, Optional<String> schedulerFix, String flavour,
                            Optional<InstalledEvent> event) {

    /**
     * @param every     e.g. {@code 1 DAY}
     * @param status    ENABLED, DISABLED
     * @param lastFired when it last fired (server time zone), if ever
     */
    public record InstalledEvent(String name, String every, String status, String definer, Optional<String> lastFired,
                                 String body) {
    }

    public boolean schedulerOn() {
        return schedulerFix.isEmpty();
    }
}
