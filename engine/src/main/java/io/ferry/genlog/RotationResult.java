package io.ferry.genlog;

import java.util.List;

/**
 * What a rotate-now did.
 *
 * @param flavour  how it rotated
 * @param caughtUp rotations found already done on the server (dated tables of a scheduled rotation, an RDS
 *                 backup not yet archived) that were archived first
 * @param rotation the rotation itself
 */
public record RotationResult(RotationFlavour flavour, List<Rotation> caughtUp, Rotation rotation) {
}
