package io.ferry.warehouse.redshift;

/**
 * How a job writes to a redshift connection: the dialect's policies, and the staging (an s3 connection for COPY with a
 * manifest, null for multi-row INSERT staging) with the IAM role COPY assumes (null: the s3 connection's keys).
 */
public record RedshiftSettings(RedshiftOptions options, String stagingS3, String copyIamRole) {
    /** The defaults of a job of ferry.yaml: reject oversize values, refuse wide decimals, INSERT staging. */
    public static final RedshiftSettings DEFAULTS = new RedshiftSettings(RedshiftOptions.defaults(), null, null);
}
