package io.ferry.replication;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which grants (as SHOW GRANTS prints them on MariaDB and MySQL) let the job write its watermark table. */
class WatermarkPreflightTest {
    private static final Set<String> WRITE = Set.of("INSERT", "UPDATE");
    private static final Set<String> CREATE_AND_WRITE = Set.of("CREATE", "INSERT", "UPDATE");

    @Test
    void globalAndSchemaGrantsCover() {
        assertThat(WatermarkPreflight.missing(List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"),
                CREATE_AND_WRITE)).isEmpty();
        assertThat(WatermarkPreflight.missing(List.of("GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `ferry`@`%`",
                "GRANT CREATE, INSERT, UPDATE ON `ferry_admin`.* TO `ferry`@`%`"), CREATE_AND_WRITE)).isEmpty();
        assertThat(WatermarkPreflight.missing(List.of("GRANT INSERT, UPDATE ON `ferry\\_admin`.`replication_watermarks` TO `f`@`%`"),
                WRITE)).isEmpty();
        assertThat(WatermarkPreflight.missing(List.of("GRANT ALL PRIVILEGES ON `ferry%`.* TO `f`@`%`"), CREATE_AND_WRITE)).isEmpty();
    }

    @Test
    void missingPrivilegesAreNamed() {
        assertThat(WatermarkPreflight.missing(List.of("GRANT SELECT, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `ro`@`%`"),
                CREATE_AND_WRITE)).containsExactly("CREATE", "INSERT", "UPDATE");
        assertThat(WatermarkPreflight.missing(List.of("GRANT INSERT ON `ferry_admin`.* TO `f`@`%`"), CREATE_AND_WRITE))
                .containsExactly("CREATE", "UPDATE");
        assertThat(WatermarkPreflight.missing(List.of("GRANT ALL PRIVILEGES ON `shop`.* TO `f`@`%`",
                "GRANT INSERT, UPDATE ON `ferry_admin`.`other` TO `f`@`%`"), WRITE)).containsExactly("INSERT", "UPDATE");
        assertThat(WatermarkPreflight.missing(List.of("GRANT INSERT, UPDATE ON `ferryXadmin`.* TO `f`@`%`"), WRITE))
                .as("another schema").containsExactly("INSERT", "UPDATE");
    }

    @Test
    void aRoleMayGrantWhatTheLinesDoNotShow() {
        assertThat(WatermarkPreflight.missing(List.of("GRANT `replicator` TO `f`@`%`"), WRITE)).isEmpty();
    }

    @Test
    void databasePatterns() {
        assertThat(WatermarkPreflight.like("ferry_admin", "ferry\\_admin")).isTrue();
        assertThat(WatermarkPreflight.like("ferry_admin", "ferry_admin")).isTrue();
        assertThat(WatermarkPreflight.like("ferryXadmin", "ferry\\_admin")).isFalse();
        assertThat(WatermarkPreflight.like("ferry_admin", "f%")).isTrue();
        assertThat(WatermarkPreflight.like("ferry_admin", "shop")).isFalse();
    }
}
