package io.ferry.replication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Requests to load a table again, handed from any thread to the job's thread, which answers between two batches. */
final class TableReloads {
    record Request(TableId table, CompletableFuture<String> answer) {
    }

    private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();

    CompletableFuture<String> request(TableId table) {
        Request r = new Request(table, new CompletableFuture<>());
        queue.add(r);
        return r.answer();
    }

    Request poll() {
        return queue.poll();
    }
}
