package io.ferry.cli;

import io.ferry.config.FerryConfig;
import io.ferry.config.GenlogJobConfig;
import io.ferry.genlog.ArchiveDestination;
import io.ferry.genlog.ArchiveFormat;
import io.ferry.genlog.RotationService;
import io.ferry.genlog.S3ArchiveDestination;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where archives go and how they are written, shared by the genlog commands that write archives. */
final class ArchiveDirOption {
    @Option(names = "--archive-dir", paramLabel = "DIR", description = "Where archives go (default: <dataDir>/genlog-archive).")
    Path archiveDir;

    @Option(names = "--archive-s3", paramLabel = "S3CONN[/PREFIX]",
            description = "Upload archives to the bucket of this s3 connection of ferry.yaml, under PREFIX/<connection>/"
                    + " (verified by reading the object back); not with --archive-dir.")
    String archiveS3;

    @Option(names = "--archive-format", paramLabel = "ndjson|csv", defaultValue = "ndjson",
            description = "Archive format, gzip either way: ndjson (one JSON object per line) or csv (RFC 4180 with a"
                    + " header). Default: ${DEFAULT-VALUE}.")
    String format;

    Path resolve(Path dataDir) {
        return archiveDir != null ? archiveDir : RotationService.defaultArchiveRoot(dataDir);
    }

    ArchiveDestination destination(FerryConfig config) {
        ArchiveFormat f = ArchiveFormat.fromWord(format);
        if (archiveS3 != null) {
            if (archiveDir != null) {
                throw new IllegalArgumentException("give --archive-dir or --archive-s3, not both: archives go to one place");
            }
            return S3ArchiveDestination.of(config, GenlogJobConfig.S3Location.parse(archiveS3), f);
        }
        return ArchiveDestination.folder(resolve(config.dataDir()), f);
    }
}
