package io.ferry.app.shell;

import io.ferry.app.connections.ConnectionsView;
import io.ferry.app.cost.CostView;
import io.ferry.app.druid.DruidView;
import io.ferry.app.genlog.GenlogView;

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
                new Section("Replication", () -> PlaceholderView.create("Replication", REPLICATION)),
                new Section("General log", () -> GenlogView.create(context)),
                new Section("Druid", () -> DruidView.create(context)),
                new Section("Cost", CostView::create),
                new Section(MainViewModel.CONNECTIONS, () -> new ConnectionsView(context.connections()).root()));
    }

    private static final String REPLICATION = "Ferry will copy the tables you choose from MySQL to Redshift "
            + "(or PostgreSQL) and keep them current: a chunked full load that takes no long locks, then change "
            + "data capture from the binlog, applied to the warehouse in batches and checkpointed in the same "
            + "transaction, so a restart neither loses nor doubles a change. This page will show the table "
            + "mappings, the pre-flight assessment of the source, and the source and apply lag live.";


}
