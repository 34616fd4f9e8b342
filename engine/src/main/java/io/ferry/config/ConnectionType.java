package io.ferry.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of connection a ferry.yaml can declare, by their {@code type:} name. */
public enum ConnectionType {
    /** MySQL 5.7/8.x, MariaDB, Amazon RDS MySQL. */
    MYSQL("mysql"),
    POSTGRESQL("postgresql"),
    REDSHIFT("redshift"),
    S3("s3"),
    DRUID("druid"),
    KAFKA("kafka"),
    AWS("aws");

    private final String yamlName;

    ConnectionType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<ConnectionType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(ConnectionType::yamlName).toList();
    }
}
