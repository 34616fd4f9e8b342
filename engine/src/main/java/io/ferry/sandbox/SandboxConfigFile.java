package io.ferry.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ferry.yaml that describes a sandbox's connections. Secrets appear only as {@code file:} references to
 * the 0600 files under {@code secrets/}, never as values.
 */
public final class SandboxConfigFile {
    public static final String MARIADB = "sandbox-mariadb";
    public static final String POSTGRES = "sandbox-postgres";
    public static final String S3 = "sandbox-s3";
    /** pgbouncer in front of the sandbox PostgreSQL, reached with the Redshift JDBC driver (when started). */
    public static final String REDSHIFT = "sandbox-redshift";
    public static final String DRUID = "sandbox-druid";
    public static final String KAFKA = "sandbox-kafka";
    /** The replication job of the sandbox: its MariaDB shop tables into its PostgreSQL. */
    public static final String REPLICATION_JOB = "sandbox-shop";
    /** The re-index job of {@code ferry sandbox --with-druid}: ad_events from the raw files in the sandbox's S3. */
    public static final String REINDEX_JOB = "sandbox-ad-events-reindex";

    private SandboxConfigFile() {
    }

    public static String render(DatabaseEndpoint mariadb, DatabaseEndpoint postgres, S3Endpoint s3) {
        return render(mariadb, postgres, s3, null);
    }

    /** With {@code pgBouncer} (null: none) as a redshift connection without TLS. */
    public static String render(DatabaseEndpoint mariadb, DatabaseEndpoint postgres, S3Endpoint s3, DatabaseEndpoint pgBouncer) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Written by `ferry sandbox`: the connections of the local sandbox. Passwords are in files (0600).\n");
        yaml.append("connections:\n");
        database(yaml, MARIADB, "mysql", mariadb);
        database(yaml, POSTGRES, "postgresql", postgres);
        yaml.append("  ").append(S3).append(":\n");
        field(yaml, "type", "s3");
        field(yaml, "endpoint", s3.endpoint().toString());
        field(yaml, "region", s3.region());
        field(yaml, "bucket", s3.bucket());
        field(yaml, "pathStyle", "true");
        field(yaml, "accessKey", "file:" + s3.accessKeyFile());
        field(yaml, "secretKey", "file:" + s3.secretKeyFile());
        if (pgBouncer != null) {
            database(yaml, REDSHIFT, "redshift", pgBouncer);
            field(yaml, "tls", "disable");
        }
        yaml.append("jobs:\n");
        yaml.append("  ").append(REPLICATION_JOB).append(":\n");
        field(yaml, "type", "replication");
        field(yaml, "source", MARIADB);
        field(yaml, "target", POSTGRES);
        yaml.append("    tables:\n      include: [ \"").append(MariaDbServer.DATABASE).append(".*\" ]\n");
        field(yaml, "targetPreparation", "drop-and-create");
        field(yaml, "maxBatchDelay", "500ms");
        return yaml.toString();
    }

    public static Path write(Path file, DatabaseEndpoint mariadb, DatabaseEndpoint postgres, S3Endpoint s3) throws IOException {
        return write(file, mariadb, postgres, s3, null);
    }

    public static Path write(Path file, DatabaseEndpoint mariadb, DatabaseEndpoint postgres, S3Endpoint s3,
                             DatabaseEndpoint pgBouncer) throws IOException {
        Files.writeString(file, render(mariadb, postgres, s3, pgBouncer));
        return file.toAbsolutePath();
    }

    /** The Druid and Kafka connections of {@code ferry sandbox --with-druid}, as entries of the connections map. */
    public static String renderDruid(URI coordinatorAndOverlord, URI broker, String kafkaBootstrapServers) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("  ").append(DRUID).append(":\n");
        field(yaml, "type", "druid");
        field(yaml, "coordinatorUrl", coordinatorAndOverlord.toString());
        field(yaml, "brokerUrl", broker.toString());
        field(yaml, "overlordUrl", coordinatorAndOverlord.toString());
        yaml.append("  ").append(KAFKA).append(":\n");
        field(yaml, "type", "kafka");
        field(yaml, "bootstrapServers", kafkaBootstrapServers);
        return yaml.toString();
    }

    /**
     * Adds the Druid and Kafka connections to a file {@link #write} wrote, at the end of its connections map, and the
     * re-index job of the lambda setup at the end of its jobs.
     */
    public static void appendDruid(Path file, URI coordinatorAndOverlord, URI broker, String kafkaBootstrapServers) throws IOException {
        String yaml = Files.readString(file);
        String druid = renderDruid(coordinatorAndOverlord, broker, kafkaBootstrapServers);
        int jobs = yaml.indexOf("\njobs:\n");
        String withDruid = jobs < 0 ? yaml + druid + "jobs:\n" : yaml.substring(0, jobs + 1) + druid + yaml.substring(jobs + 1);
        Files.writeString(file, withDruid + renderReindexJob());
    }

    /** Re-indexes the raw hourly files the lambda writes to the sandbox's S3, staged there for Druid's http input. */
    static String renderReindexJob() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("  ").append(REINDEX_JOB).append(":\n");
        field(yaml, "type", "druid-reindex");
        field(yaml, "druid", DRUID);
        field(yaml, "datasource", "ad_events");
        yaml.append("    input:\n      s3: ").append(S3).append("\n      prefix: raw/ad_events/\n");
        yaml.append("    staging:\n      s3: ").append(S3).append("\n      prefix: ferry/druid-staging/\n");
        field(yaml, "supervisor", "ad_events");
        field(yaml, "batchChunks", "1");
        field(yaml, "every", "1h");
        return yaml.toString();
    }

    private static void database(StringBuilder yaml, String name, String type, DatabaseEndpoint db) {
        yaml.append("  ").append(name).append(":\n");
        field(yaml, "type", type);
        field(yaml, "host", db.host());
        field(yaml, "port", Integer.toString(db.port()));
        field(yaml, "user", db.user());
        field(yaml, "password", "file:" + db.passwordFile());
        field(yaml, "database", db.database());
    }

    private static void field(StringBuilder yaml, String key, String value) {
        yaml.append("    ").append(key).append(": ").append(scalar(value)).append('\n');
    }

    /** Plain when safe, else double-quoted (a sandbox path with spaces, '#' or ': ' must still parse). */
    static String scalar(String value) {
        if (value.matches("[A-Za-z0-9_./:@-]+") && !value.contains(": ")) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
