package io.ferry.cli;

import io.ferry.config.RedshiftJobSettings;
import io.ferry.replication.TableId;
import io.ferry.warehouse.redshift.RedshiftOptions;
import io.ferry.warehouse.redshift.RedshiftSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redshift options of the command line over a job's {@code redshift:} settings of ferry.yaml. */
class ReplicationJobOptionsTest {
    private static final RedshiftJobSettings FROM_FILE = new RedshiftJobSettings(Optional.of("lake"),
            Optional.of("arn:aws:iam::123456789012:role/ferry-copy"), "truncate", "varchar",
            Map.of("shop.orders", new RedshiftJobSettings.TableLayout("key", Optional.of("customer_id"), List.of("id"))));

    private static RedshiftSettings parse(String... args) {
        ReplicationJobOptions options = new ReplicationJobOptions();
        new CommandLine(options).parseArgs(args);
        return options.redshift.settings(FROM_FILE);
    }

    @Test
    void withoutOptionsTheJobsSettingsApply() {
        RedshiftSettings s = parse();
        assertThat(s).isEqualTo(RedshiftSettings.of(FROM_FILE));
        assertThat(s.options().layouts()).containsKey(TableId.parse("shop.orders"));
        assertThat(s.options().tableAttributes()).isTrue();
    }

    @Test
    void eachOptionGivenOverridesItsKeyOnly() {
        RedshiftSettings s = parse("--oversize", "reject", "--staging-s3", "other", "--without-table-attributes");
        assertThat(s.options().oversize()).isEqualTo(RedshiftOptions.Oversize.REJECT);
        assertThat(s.options().wideDecimal()).as("from the file").isEqualTo(RedshiftOptions.WideDecimal.VARCHAR);
        assertThat(s.stagingS3()).isEqualTo("other");
        assertThat(s.copyIamRole()).as("from the file").isEqualTo("arn:aws:iam::123456789012:role/ferry-copy");
        assertThat(s.options().tableAttributes()).isFalse();
        assertThat(s.options().layouts()).as("from the file").containsKey(TableId.parse("shop.orders"));
    }
}
