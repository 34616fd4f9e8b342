package io.ferry.replication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a job's {@link ZeroDates} setting where a zero or invalid date is read (binlog and full load): under
 * {@code fail} it throws, naming the table, the column and the key to set; under {@code null} the value becomes NULL,
 * is counted in the table's {@link TableMetrics#zeroDatesNulled()} and logged at WARN once per table, so it is
 * never silent. A primary-key column cannot become NULL, so a zero date there fails under either setting.
 */
public final class ZeroDatePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(ZeroDatePolicy.class);
    /** Today's behaviour, counting nowhere: for readers built outside a job. */
    public static final ZeroDatePolicy FAIL = new ZeroDatePolicy(ZeroDates.FAIL, null);

    private final ZeroDates setting;
    private final ReplicationMetrics metrics;
    private final Set<TableId> warned = ConcurrentHashMap.newKeySet();

    /** @param metrics where nulled values are counted; null: nowhere */
    public ZeroDatePolicy(ZeroDates setting, ReplicationMetrics metrics) {
        this.setting = setting;
        this.metrics = metrics;
    }

    public ZeroDates setting() {
        return setting;
    }

    /**
     * The value to write for a zero date read from {@code table.column}: NULL, or a thrown exception.
     *
     * @param shown   the value as the source shows it, or the column type when the binlog does not say
     * @param written whether the value is written to the warehouse (an update's before image is not: not counted)
     */
    Object zeroDate(TableSchema table, ColumnSchema column, String shown, boolean written) {
        if (table.primaryKey().contains(column.name())) {
            throw new IllegalStateException(table.id() + "." + column.name() + " holds a zero or invalid date (" + shown
                    + ") in its primary key, which cannot become NULL (" + ZeroDates.KEY + ": " + setting.yamlName()
                    + "). Fix the value at the source.");
        }
        if (setting == ZeroDates.FAIL) {
            throw new IllegalStateException(table.id() + "." + column.name() + " holds a zero or invalid date (" + shown
                    + "). Set " + ZeroDates.KEY + ": null on the replication job to write NULL instead, or fix the value "
                    + "at the source.");
        }
        if (written) {
            if (metrics != null) {
                metrics.table(table.id()).zeroDateNulled();
            }
            if (warned.add(table.id())) {
                LOG.warn("{}.{} holds a zero or invalid date ({}): written as NULL ({}: null); further ones in {} are "
                        + "counted in its zeroDatesNulled, not logged", table.id(), column.name(), shown, ZeroDates.KEY,
                        table.id());
            }
        }
        return null;
    }

    /**
     * The table as the warehouse should create it: under {@code null}, the DATE/DATETIME/TIMESTAMP columns outside
     * the primary key accept NULL even when the source declares them NOT NULL (they may receive a nulled zero date).
     */
    public TableSchema target(TableSchema source) {
        if (setting != ZeroDates.NULL) {
            return source;
        }
        List<ColumnSchema> columns = new ArrayList<>();
        boolean changed = false;
        for (ColumnSchema c : source.columns()) {
            if (!c.nullable() && isDate(c) && !source.primaryKey().contains(c.name())) {
                columns.add(new ColumnSchema(c.name(), c.dataType(), c.columnType(), true, c.charMaxLength(),
                        c.numericPrecision(), c.numericScale(), c.datetimePrecision(), c.charset(), c.json()));
                changed = true;
            } else {
                columns.add(c);
            }
        }
        return changed ? new TableSchema(source.id(), columns, source.primaryKey()) : source;
    }

    static boolean isDate(ColumnSchema c) {
        return switch (c.dataType()) {
            case "date", "datetime", "timestamp" -> true;
            default -> false;
        };
    }
}
