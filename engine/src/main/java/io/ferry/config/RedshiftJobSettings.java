package io.ferry.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code redshift:} mapping of a replication job into a redshift connection: how batches are staged (an s3
 * connection for COPY with a manifest, and the IAM role COPY assumes; none: multi-row INSERT staging), the policies for
 * oversize values and wide decimals, and per-table distribution and sort keys replacing those from the primary key.
 *
 * @param oversize    {@code reject} or {@code truncate}
 * @param wideDecimal {@code refuse} or {@code varchar}
 * @param layouts     by source table ({@code schema.table})
 */
public record RedshiftJobSettings(Optional<String> stagingS3, Optional<String> copyIamRole, String oversize, String wideDecimal,
                                  Map<String, TableLayout> layouts) {
    public static final RedshiftJobSettings DEFAULTS = new RedshiftJobSettings(Optional.empty(), Optional.empty(), "reject",
            "refuse", Map.of());

    /**
     * @param distStyle {@code auto}, {@code even}, {@code all} or {@code key}
     * @param distKey   the column of DISTSTYLE KEY
     * @param sortKey   the compound sort key's columns; empty for none
     */
    public record TableLayout(String distStyle, Optional<String> distKey, List<String> sortKey) {
        public TableLayout {
            Objects.requireNonNull(distStyle, "distStyle");
            Objects.requireNonNull(distKey, "distKey");
            sortKey = List.copyOf(sortKey);
        }
    }

    public RedshiftJobSettings {
        Objects.requireNonNull(stagingS3, "stagingS3");
        Objects.requireNonNull(copyIamRole, "copyIamRole");
        Objects.requireNonNull(oversize, "oversize");
        Objects.requireNonNull(wideDecimal, "wideDecimal");
        layouts = Map.copyOf(layouts);
    }
}
