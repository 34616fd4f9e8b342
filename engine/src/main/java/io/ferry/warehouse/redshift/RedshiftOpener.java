package io.ferry.warehouse.redshift;

import io.ferry.warehouse.Warehouse;
import io.ferry.warehouse.WarehouseEndpoint;
import io.ferry.warehouse.WarehouseOpener;

import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;

/** Redshift through the Redshift JDBC driver, staging through S3 when configured, else by multi-row INSERT. */
public final class RedshiftOpener implements WarehouseOpener {
    private final RedshiftDialect dialect;
    private final Supplier<StagingLoader> staging;
    private final String description;

    private RedshiftOpener(RedshiftDialect dialect, Supplier<StagingLoader> staging, String description) {
        this.dialect = dialect;
        this.staging = staging;
        this.description = description;
    }

    /** Staging by multi-row INSERT (no S3 connection configured). */
    public static RedshiftOpener withInsertStaging(RedshiftDialect dialect) {
        return new RedshiftOpener(dialect, InsertStagingLoader::new, "Redshift (INSERT staging)");
    }

    /** Staging files on S3, loaded by COPY with a manifest. */
    public static RedshiftOpener withS3Staging(RedshiftDialect dialect, Supplier<StagingLoader> s3) {
        return new RedshiftOpener(dialect, s3, "Redshift (S3 staging)");
    }

    @Override
    public RedshiftDialect dialect() {
        return dialect;
    }

    @Override
    public RedshiftOpener inSchema(String targetSchema) {
        return new RedshiftOpener(dialect.inSchema(targetSchema), staging, description);
    }

    @Override
    public Warehouse open(WarehouseEndpoint endpoint, Clock clock) throws SQLException {
        return new RedshiftWarehouse(endpoint, dialect, staging.get(), clock);
    }

    @Override
    public String toString() {
        return description;
    }
}
