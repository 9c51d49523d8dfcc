package org.broadsheet.comment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Erases commenters' IP addresses once they are older than the retention period (30 days by default): they
 * are kept only for flood control and moderation. Runs at start and then hourly on its own thread
 * ("comment-address-eraser"); started and stopped by the composition root.
 */
final class AddressEraser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AddressEraser.class);

    private final CommentRepository repository;
    private final Clock clock;
    private final Duration retention;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "comment-address-eraser");
        t.setDaemon(true);
        return t;
    });

    AddressEraser(CommentRepository repository, Clock clock, Duration retention) {
        this.repository = repository;
        this.clock = clock;
        this.retention = retention;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::runSafely, 0, 1, TimeUnit.HOURS);
    }

    /** Erases what is due now; returns how many addresses were erased. */
    int eraseDue() {
        int erased = repository.eraseAddresses(clock.millis() - retention.toMillis());
        if (erased > 0) {
            log.info("erased the IP addresses of {} comments older than {} days", erased, retention.toDays());
        }
        return erased;
    }

    private void runSafely() {
        try {
            eraseDue();
        } catch (RuntimeException e) {
            log.warn("could not erase old comment addresses; will try again in an hour", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
