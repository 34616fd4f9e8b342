package io.ferry.app.shell;

import io.ferry.app.connections.ConnectionsView;
import io.ferry.app.cost.CostView;
import io.ferry.app.druid.DruidView;
import io.ferry.app.genlog.GenlogView;
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
                new Section("General log", () -> GenlogView.create(context)),
                new Section("Druid", () -> DruidView.create(context)),
                new Section("Cost", CostView::create),
                new Section(MainViewModel.CONNECTIONS, () -> new ConnectionsView(context.connections()).root()));
    }
}
