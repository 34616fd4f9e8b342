package io.ferry.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The small ad-tech OLTP schema the sandbox workload writes to: advertisers own campaigns, campaigns own
 * creatives (both ON DELETE CASCADE), customers place orders. Types chosen to exercise replication:
 * unsigned BIGINT keys, DECIMAL, DATETIME(6), DATE, JSON, ENUM, BOOLEAN and utf8mb4 text.
 */
public final class OltpSchema {
    public static final List<String> TABLES = List.of("advertisers", "campaigns", "creatives", "customers", "orders");

    private static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS advertisers (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              name VARCHAR(200) NOT NULL,
              country CHAR(2) NOT NULL,
              status ENUM('active','paused','closed') NOT NULL DEFAULT 'active',
              credit_limit DECIMAL(14,2) NOT NULL,
              created_at DATETIME(6) NOT NULL,
              updated_at DATETIME(6) NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS campaigns (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              advertiser_id BIGINT UNSIGNED NOT NULL,
              name VARCHAR(200) NOT NULL,
              status ENUM('draft','running','paused','ended') NOT NULL DEFAULT 'draft',
              budget DECIMAL(12,2) NOT NULL,
              bid_cpm DECIMAL(10,4) NOT NULL,
              targeting JSON NOT NULL,
              starts_at DATETIME(6) NOT NULL,
              ends_at DATETIME(6) NULL,
              updated_at DATETIME(6) NOT NULL,
              CONSTRAINT fk_campaign_advertiser FOREIGN KEY (advertiser_id) REFERENCES advertisers (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS creatives (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              campaign_id BIGINT UNSIGNED NOT NULL,
              format ENUM('banner','video','native') NOT NULL,
              width SMALLINT UNSIGNED NOT NULL,
              height SMALLINT UNSIGNED NOT NULL,
              headline VARCHAR(255) NOT NULL,
              body TEXT NULL,
              approved BOOLEAN NOT NULL DEFAULT FALSE,
              updated_at DATETIME(6) NOT NULL,
              CONSTRAINT fk_creative_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS customers (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              email VARCHAR(320) NOT NULL,
              full_name VARCHAR(200) NOT NULL,
              birth_date DATE NULL,
              lifetime_value DECIMAL(12,2) NOT NULL DEFAULT 0,
              preferences JSON NULL,
              created_at DATETIME(6) NOT NULL,
              updated_at DATETIME(6) NOT NULL,
              UNIQUE KEY uk_customer_email (email)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""",
            """
            CREATE TABLE IF NOT EXISTS orders (
              id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
              customer_id BIGINT UNSIGNED NOT NULL,
              campaign_id BIGINT UNSIGNED NULL,
              status ENUM('placed','paid','shipped','cancelled') NOT NULL DEFAULT 'placed',
              total DECIMAL(12,2) NOT NULL,
              currency CHAR(3) NOT NULL,
              placed_at DATETIME(6) NOT NULL,
              updated_at DATETIME(6) NOT NULL,
              CONSTRAINT fk_order_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
              CONSTRAINT fk_order_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE SET NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");

    private OltpSchema() {
    }

    /** Creates the tables that do not exist yet. */
    public static void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String ddl : DDL) {
                st.execute(ddl);
            }
        }
    }
}
