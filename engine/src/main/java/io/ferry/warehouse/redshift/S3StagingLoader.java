package io.ferry.warehouse.redshift;

import io.ferry.config.Secret;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Staging through S3: rows written as gzip files with a manifest ({@link S3StagingWriter}), then loaded with
 * {@code COPY ... FROM 's3://.../manifest' MANIFEST}. The authorization clause is a {@link Secret} (it may hold keys):
 * the COPY statement is never logged and a failure's message does not repeat it.
 */
public final class S3StagingLoader implements StagingLoader {
    private final S3StagingWriter writer;
    private final RedshiftStatements sql;
    private final Secret authorization;
    private final String region;
    private final List<S3StagingWriter.StagedLoad> written = new ArrayList<>();

    /**
     * @param authorization {@code IAM_ROLE 'arn:aws:iam::...'} (preferred) or
     *                      {@code ACCESS_KEY_ID '...' SECRET_ACCESS_KEY '...'}
     */
    public S3StagingLoader(S3StagingWriter writer, RedshiftStatements sql, Secret authorization, String region) {
        this.writer = writer;
        this.sql = sql;
        this.authorization = authorization;
        this.region = region;
    }

    /** The authorization clause for an IAM role the cluster can assume. */
    public static Secret iamRole(String arn) {
        if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
            throw new IllegalArgumentException("Not an IAM role ARN: '" + arn + "'");
        }
        return Secret.of("IAM_ROLE '" + arn + "'");
    }

    /** The authorization clause for access keys (the s3 connection's). */
    public static Secret accessKeys(Secret accessKey, Secret secretKey) {
        return Secret.of("ACCESS_KEY_ID '" + RedshiftStatements.literal(accessKey.reveal()) + "' SECRET_ACCESS_KEY '"
                + RedshiftStatements.literal(secretKey.reveal()) + "'");
    }

    @Override
    public void load(Connection connection, String into, List<String> columns, List<String> parameters, List<String[]> rows)
            throws SQLException {
        S3StagingWriter.StagedLoad load = writer.write(into.replace("\"", ""), rows);
        written.add(load);
        try (Statement st = connection.createStatement()) {
            st.execute(sql.copyFromManifest(into, columns, load.manifestUrl(), authorization.reveal(), region));
        } catch (SQLException e) {
            throw new SQLException("COPY into " + into + " from " + load.manifestUrl() + " failed: "
                    + scrub(e.getMessage()), e.getSQLState(), e.getErrorCode());
        }
    }

    private String scrub(String message) {
        String m = String.valueOf(message);
        String secret = authorization.reveal();
        return m.contains(secret) ? m.replace(secret, "<authorization>") : m;
    }

    @Override
    public void finished() {
        written.forEach(writer::delete);
        written.clear();
    }
}
