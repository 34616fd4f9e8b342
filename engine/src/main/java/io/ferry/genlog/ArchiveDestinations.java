package io.ferry.genlog;

import io.ferry.config.FerryConfig;
import io.ferry.config.GenlogJobConfig;

/** Builds the archive destination a genlog job or command asks for. */
public final class ArchiveDestinations {
    private ArchiveDestinations() {
    }

    public static ArchiveDestination forJob(FerryConfig config, GenlogJobConfig job) {
        ArchiveFormat format = ArchiveFormat.fromWord(job.archiveFormat());
        if (job.archiveS3().isPresent()) {
            return S3ArchiveDestination.of(config, job.archiveS3().get(), format);
        }
        return ArchiveDestination.folder(job.archiveDir().orElse(RotationService.defaultArchiveRoot(config.dataDir())), format);
    }
}
