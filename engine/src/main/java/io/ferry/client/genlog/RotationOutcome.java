package io.ferry.client.genlog;

import java.util.List;

/**
 * What a rotate-now did.
 *
 * @param caughtUp tables left by earlier rotations, archived first
 * @param rotation the rotation itself
 * @param note     a caveat to show (RDS's own rotation), or empty
 */
public record RotationOutcome(String flavour, List<RotationRecord> caughtUp, RotationRecord rotation, String note) {
}
