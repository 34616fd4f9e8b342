package io.ferry.genlog;

import java.nio.file.Path;
import java.util.List;

/**
 * What a rotate-now would do, for a confirmation before it runs.
 *
 * @param flavour         chosen as {@link FlavourDetector} chooses it
 * @param rowsToMove      rows in the log table now (more arrive until the rotation itself)
 * @param archiveFolder   where the archive files go
 * @param leftoverTables  rotated tables waiting to be archived first (dated tables, an RDS backup)
 * @param whatWillHappen  the whole thing in plain sentences
 */
public record RotationPreview(RotationFlavour flavour, long rowsToMove, Path archiveFolder, List<String> leftoverTables,
                              String whatWillHappen) {
}
