package io.ferry.config;

import io.ferry.config.YamlNode.Mapping;
import io.ferry.replication.TableId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds the {@code redshift:} mapping of a replication job ({@link RedshiftJobSettings}). */
final class RedshiftJobBinder {
    private static final Map<String, String> OVERSIZE = words("reject", "truncate");
    private static final Map<String, String> WIDE_DECIMAL = words("refuse", "varchar");
    private static final Map<String, String> DIST_STYLES = words("auto", "even", "all", "key");

    private RedshiftJobBinder() {
    }

    /**
     * The job's settings; the defaults when it has no {@code redshift:} key; empty after a problem (reported at its
     * line and key). A {@code redshift:} key on a job into PostgreSQL is a problem too.
     */
    static Optional<RedshiftJobSettings> bind(MappingReader job, JobContext context, Optional<WarehouseConnectionConfig> target) {
        Optional<MappingReader> nested = job.nested("redshift", false, "the Redshift settings of a replication job");
        if (nested.isEmpty()) {
            return Optional.of(RedshiftJobSettings.DEFAULTS); // a redshift: that is no mapping made the job invalid
        }
        MappingReader r = nested.get();
        if (target.isPresent() && target.get().type() != ConnectionType.REDSHIFT) {
            job.fail(job.node("redshift").orElseThrow(), "redshift", "target '" + target.get().name() + "' is a "
                    + target.get().type().yamlName() + " connection; these settings are for a redshift target");
        }
        Optional<S3ConnectionConfig> staging = context.connection(r, "stagingS3", false, S3ConnectionConfig.class, ConnectionType.S3);
        Optional<String> role = r.text("copyIamRole", false, "the ARN of the IAM role Redshift's COPY assumes");
        if (role.isPresent() && !role.get().startsWith("arn:aws")) {
            r.fail(r.node("copyIamRole").orElseThrow(), "copyIamRole", "expected an IAM role ARN such as "
                    + "arn:aws:iam::123456789012:role/ferry-copy");
        }
        if (role.isPresent() && r.node("stagingS3").isEmpty()) {
            r.fail(r.node("copyIamRole").orElseThrow(), "copyIamRole", "COPY reads staging files: name the s3 connection "
                    + "with stagingS3 too (without it, batches are staged by INSERT and no role is needed)");
        }
        String oversize = r.choice("oversize", OVERSIZE, "reject");
        String wideDecimal = r.choice("wideDecimal", WIDE_DECIMAL, "refuse");
        Map<String, RedshiftJobSettings.TableLayout> layouts = new LinkedHashMap<>();
        Optional<Mapping> tables = r.mapping("tables", false, "a mapping of schema.table to distStyle, distKey and sortKey");
        if (tables.isPresent()) {
            MappingReader t = r.child(tables.get(), "tables", "the table layouts");
            for (YamlNode.Entry entry : tables.get().entries().values()) {
                String table = entry.key();
                try {
                    TableId.parse(table);
                } catch (IllegalArgumentException e) {
                    t.fail(entry.value(), table, "expected a schema.table name: " + e.getMessage());
                    continue;
                }
                t.nested(table, true, "the layout of " + table).flatMap(RedshiftJobBinder::layout)
                        .ifPresent(l -> layouts.put(table, l));
            }
            if (!t.valid()) {
                r.failQuietly();
            }
        }
        r.rejectUnknownKeys();
        if (!r.valid() || (r.node("stagingS3").isPresent() && staging.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new RedshiftJobSettings(staging.map(ConnectionConfig::name), role, oversize, wideDecimal, layouts));
    }

    private static Optional<RedshiftJobSettings.TableLayout> layout(MappingReader l) {
        Optional<String> distKey = l.text("distKey", false, "a column name");
        String style = l.choice("distStyle", DIST_STYLES, distKey.isPresent() ? "key" : null);
        List<String> sortKey = l.strings("sortKey", false, "column names");
        if (style == null && l.node("distStyle").isEmpty()) {
            l.failMapping("a layout needs distStyle (auto, even, all or key) or distKey (which means distStyle key)");
        } else if (style != null && style.equals("key") != distKey.isPresent()) {
            l.failMapping("distKey goes with distStyle key, and only with it");
        }
        l.rejectUnknownKeys();
        return l.valid() && style != null ? Optional.of(new RedshiftJobSettings.TableLayout(style, distKey, sortKey)) : Optional.empty();
    }

    private static Map<String, String> words(String... words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            out.put(w, w);
        }
        return out;
    }
}
