package org.broadsheet.search;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands tasks to a background executor and counts those queued or running, so that "is the background
 * work done?" can be answered (the backlog metric, benchmarks and tests wait on it). Thread-safe.
 */
final class CountedTasks {

    private final Executor executor;
    private final AtomicInteger count = new AtomicInteger();

    CountedTasks(Executor executor) {
        this.executor = executor;
    }

    void execute(Runnable task) {
        count.incrementAndGet();
        executor.execute(() -> {
            try {
                task.run();
            } finally {
                count.decrementAndGet();
            }
        });
    }

    /** Tasks queued or running. */
    int count() {
        return count.get();
    }
}
