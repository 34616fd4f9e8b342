package io.ferry.app.shell;

import io.ferry.app.connections.ConnectionsView;
import io.ferry.app.cost.CostView;
import io.ferry.app.replication.ReplicationView;

import java.util.List;

/**
 * The navigation of the console, in order: the one place where a page is added. A new job view is one line,
 * e.g. {@code new Section("Cost", CostView::create)}.
 */
public final class ConsoleSections {
    private ConsoleSections() {
    }

    public static List<Section> create(ConsoleContext context) {
        return List.of(
                new Section("Replication", () -> ReplicationView.create(context.client(), context.tasks())),
                new Section("General log", () -> PlaceholderView.create("General log", GENERAL_LOG)),
                new Section("Druid", () -> PlaceholderView.create("Druid", DRUID)),
                new Section("Cost", CostView::create),
                new Section(MainViewModel.CONNECTIONS, () -> new ConnectionsView(context.connections()).root()));
    }

    private static final String GENERAL_LOG = "Ferry will show the size and growth of mysql.general_log and the "
            + "day it reaches RDS's own rotation threshold, rotate it now or on a schedule (on RDS through "
            + "mysql.rds_rotate_general_log run by an event, elsewhere with an atomic RENAME TABLE), archive the "
            + "rows a rotation would drop, keep the rotation history, and let you search the log and digest it "
            + "by query fingerprint.";

    private static final String DRUID = "Ferry will re-index closed intervals from the raw nested-JSON event "
            + "files, so the batch version replaces the real-time segments of the same intervals; follow each "
            + "task and verify the hand-off and the row counts; run it on a schedule with a history; and show "
            + "the segment timeline of every datasource with its Kafka supervisor state and lag.";

}
