package io.ferry.cli;

import io.ferry.genlog.RotationService;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --archive-dir}, shared by the genlog commands that write archives. */
final class ArchiveDirOption {
    @Option(names = "--archive-dir", paramLabel = "DIR", description = "Where archives go (default: <dataDir>/genlog-archive).")
    Path archiveDir;

    Path resolve(Path dataDir) {
        return archiveDir != null ? archiveDir : RotationService.defaultArchiveRoot(dataDir);
    }
}
