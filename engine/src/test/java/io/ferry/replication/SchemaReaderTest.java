package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Foreign keys as MariaDB 11.4's SHOW CREATE TABLE prints them. */
class SchemaReaderTest {

    @Test
    void readsForeignKeysWithTheirActionsFromShowCreateTable() {
        String ddl = """
                CREATE TABLE `orders` (
                  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
                  `customer_id` bigint(20) unsigned NOT NULL,
                  `campaign_id` bigint(20) unsigned DEFAULT NULL,
                  `a` int, `b` int,
                  PRIMARY KEY (`id`),
                  CONSTRAINT `fk_order_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE,
                  CONSTRAINT `fk_order_campaign` FOREIGN KEY (`campaign_id`) REFERENCES `crm`.`campaigns` (`id`) ON DELETE SET NULL ON UPDATE CASCADE,
                  CONSTRAINT `fk``two` FOREIGN KEY (`a`, `b`) REFERENCES `pairs` (`x`, `y`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";
        List<ForeignKey> keys = SchemaReader.parseForeignKeys(TableId.parse("shop.orders"), ddl);
        assertThat(keys).extracting(ForeignKey::toString).containsExactly(
                "fk_order_customer (shop.orders [customer_id] → shop.customers [id], ON DELETE CASCADE, ON UPDATE RESTRICT)",
                "fk_order_campaign (shop.orders [campaign_id] → crm.campaigns [id], ON DELETE SET_NULL, ON UPDATE CASCADE)",
                "fk`two (shop.orders [a, b] → shop.pairs [x, y], ON DELETE RESTRICT, ON UPDATE RESTRICT)");
    }
}
