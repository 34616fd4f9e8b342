package io.ferry.config;

/** One entry of {@code connections:} in ferry.yaml. Implementations hold secret references, never secrets. */
public sealed interface ConnectionConfig permits MySqlConnectionConfig, WarehouseConnectionConfig, S3ConnectionConfig,
        DruidConnectionConfig, KafkaConnectionConfig, AwsConnectionConfig {

    /** The key under {@code connections:}. */
    String name();

    ConnectionType type();

    /** Where it points, for people (no secrets): {@code db.example.com:3306/shop}. */
    String target();
}
