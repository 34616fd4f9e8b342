package io.ferry.cli;

import io.ferry.druid.status.SegmentTimeline;
import io.ferry.druid.status.SegmentTimelineReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code ferry druid segments}: one datasource's segment timeline as a table. */
@Command(name = "segments", mixinStandardHelpOptions = true,
        description = "Shows the segment timeline of a datasource: per interval, every version, whether it is batch "
                + "(made by a Ferry re-index), real-time (Kafka) or unknown, its state (available, overshadowed, ...), "
                + "partitions, rows, size, replicas and the tiers that hold it.")
final class DruidSegmentsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DruidTarget target;

    @Option(names = "--datasource", paramLabel = "NAME", required = true, description = "The datasource.")
    String dataSource;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only intervals ending after this (2024-01-01 or 2024-01-01T10:00:00Z).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Only intervals starting before this.")
    Instant to;

    @Override
    public Integer call() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from must be before --to");
        }
        PrintWriter out = spec.commandLine().getOut();
        SegmentTimeline timeline = new SegmentTimelineReader(target.client())
                .read(dataSource, from, to, target.batchVersions(dataSource));
        out.print(SegmentTimelineText.render(timeline));
        out.flush();
        return 0;
    }
}
