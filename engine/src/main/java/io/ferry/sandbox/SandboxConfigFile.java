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

    /** Adds the Druid and Kafka connections to a file {@link #write} wrote: at the end of its connections map. */
    public static void appendDruid(Path file, URI coordinatorAndOverlord, URI broker, String kafkaBootstrapServers) throws IOException {
        String yaml = Files.readString(file);
        String druid = renderDruid(coordinatorAndOverlord, broker, kafkaBootstrapServers);
        int jobs = yaml.indexOf("\njobs:\n");
        Files.writeString(file, jobs < 0 ? yaml + druid : yaml.substring(0, jobs + 1) + druid + yaml.substring(jobs + 1));
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
