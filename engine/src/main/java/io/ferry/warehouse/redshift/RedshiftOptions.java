package io.ferry.warehouse.redshift;

import io.ferry.replication.TableId;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The choices the Redshift dialect cannot make alone: what to do with a DECIMAL wider than Redshift's 38 digits, with
 * a value longer than the widest Redshift VARCHAR (65535 bytes), and the distribution and sort keys of tables whose
 * defaults (from the primary key) are not wanted.
 *
 * @param tableAttributes emit DISTSTYLE/DISTKEY/SORTKEY; off only where the SQL runs on a PostgreSQL stand-in,
 *                        which cannot parse them (the integration tests, the benchmark)
 */
public record RedshiftOptions(WideDecimal wideDecimal, Oversize oversize, Map<TableId, Layout> layouts,
                              boolean tableAttributes) {

    /** A source DECIMAL(p,s) with p > 38. */
    public enum WideDecimal {
        /** The job refuses to start, naming the column (default). */
        REFUSE,
        /** VARCHAR(p + 2) holding the exact decimal text (sign and point included); no arithmetic in Redshift. */
        VARCHAR;

        public static WideDecimal parse(String text) {
            return Enum.valueOf(WideDecimal.class, text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** A value (MEDIUMTEXT, LONGTEXT, a long VARCHAR in utf8mb4, a BLOB as hex) longer than its Redshift column. */
    public enum Oversize {
        /** The batch fails, naming the table, the column and the size (default): nothing changes silently. */
        REJECT,
        /** The value is cut at the column's byte length on a character boundary and the row's _ferry_truncated is true. */
        TRUNCATE;

        public static Oversize parse(String text) {
            return Enum.valueOf(Oversize.class, text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A table's distribution and sort keys instead of the defaults (DISTKEY = first primary-key column, COMPOUND SORTKEY
     * = the primary key).
     *
     * @param distStyle AUTO, EVEN, ALL or KEY
     * @param distKey   the column for KEY, else null
     * @param sortKey   the compound sort key columns; empty for none
     */
    public record Layout(String distStyle, String distKey, List<String> sortKey) {
        public Layout {
            distStyle = distStyle.toUpperCase(Locale.ROOT);
            if (!List.of("AUTO", "EVEN", "ALL", "KEY").contains(distStyle)) {
                throw new IllegalArgumentException("DISTSTYLE is AUTO, EVEN, ALL or KEY, not '" + distStyle + "'");
            }
            if (distStyle.equals("KEY") == (distKey == null)) {
                throw new IllegalArgumentException("A DISTKEY column goes with DISTSTYLE KEY, and only with it");
            }
            sortKey = List.copyOf(sortKey);
        }
    }

    public RedshiftOptions {
        Objects.requireNonNull(wideDecimal, "wideDecimal");
        Objects.requireNonNull(oversize, "oversize");
        layouts = Map.copyOf(layouts);
    }

    /** Refuse wide decimals, reject oversize values, keys from the primary key, table attributes emitted. */
    public static RedshiftOptions defaults() {
        return new RedshiftOptions(WideDecimal.REFUSE, Oversize.REJECT, Map.of(), true);
    }

    public RedshiftOptions withWideDecimal(WideDecimal policy) {
        return new RedshiftOptions(policy, oversize, layouts, tableAttributes);
    }

    public RedshiftOptions withOversize(Oversize policy) {
        return new RedshiftOptions(wideDecimal, policy, layouts, tableAttributes);
    }

    public RedshiftOptions withLayout(TableId table, Layout layout) {
        Map<TableId, Layout> copy = new java.util.HashMap<>(layouts);
        copy.put(table, layout);
        return new RedshiftOptions(wideDecimal, oversize, copy, tableAttributes);
    }

    /** For a PostgreSQL stand-in, which cannot parse DISTSTYLE/DISTKEY/SORTKEY; every other statement is unchanged. */
    public RedshiftOptions withoutTableAttributes() {
        return new RedshiftOptions(wideDecimal, oversize, layouts, false);
    }
}
