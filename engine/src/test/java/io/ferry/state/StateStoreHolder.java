package io.ferry.state;

import java.nio.file.Path;

/** A second Ferry process for {@link StateStoreTest}: opens the store, says "open", holds it until stdin closes. */
public final class StateStoreHolder {
    public static void main(String[] args) throws Exception {
        try (StateStore store = StateStore.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store until the test closes our stdin
            }
        }
    }
}
