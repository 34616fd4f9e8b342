package io.ferry.warehouse.redshift;

import io.ferry.config.RedshiftJobSettings;
import io.ferry.replication.TableId;

/**
 * How a job writes to a redshift connection: the dialect's policies, and the staging (an s3 connection for COPY with a
 * manifest, null for multi-row INSERT staging) with the IAM role COPY assumes (null: the s3 connection's keys).
 */
public record RedshiftSettings(RedshiftOptions options, String stagingS3, String copyIamRole) {
    /** The defaults of a job of ferry.yaml: reject oversize values, refuse wide decimals, INSERT staging. */
    public static final RedshiftSettings DEFAULTS = new RedshiftSettings(RedshiftOptions.defaults(), null, null);

    /** The settings of a job's {@code redshift:} mapping in ferry.yaml. */
    public static RedshiftSettings of(RedshiftJobSettings job) {
        RedshiftOptions options = RedshiftOptions.defaults().withOversize(RedshiftOptions.Oversize.parse(job.oversize()))
                .withWideDecimal(RedshiftOptions.WideDecimal.parse(job.wideDecimal()));
        for (var e : job.layouts().entrySet()) {
            var l = e.getValue();
            options = options.withLayout(TableId.parse(e.getKey()),
                    new RedshiftOptions.Layout(l.distStyle(), l.distKey().orElse(null), l.sortKey()));
        }
        return new RedshiftSettings(options, job.stagingS3().orElse(null), job.copyIamRole().orElse(null));
    }
}
