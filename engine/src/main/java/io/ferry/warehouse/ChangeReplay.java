package io.ferry.warehouse;

import io.ferry.replication.RowChange;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The row changes of a batch too large to hold in memory, replayed in source order (from spill files) as often as
 * asked; see {@link Warehouse#applyReplayed}.
 */
@FunctionalInterface
public interface ChangeReplay {
    @FunctionalInterface
    interface Sink {
        void accept(RowChange change) throws SQLException;
    }

    void replay(Sink sink) throws IOException, SQLException;
}
