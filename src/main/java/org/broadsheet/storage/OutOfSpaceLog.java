package org.broadsheet.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reports a full disk to the log at most once per interval (a minute by default), naming the cause and
 * how many writes were refused since the last report, instead of a stack trace per request: while the
 * disk stays full every write fails the same way, and a flood of identical lines would hide the cause
 * (and fill the disk further when the log lives there). Driven by the clock it is given. Thread-safe;
 * one per process, shared by everything that writes.
 */
public final class OutOfSpaceLog {

    private static final Logger log = LoggerFactory.getLogger(OutOfSpaceLog.class);

    private final Clock clock;
    private final Duration interval;
    private Instant lastReport;
    private long refusedSince;

    public OutOfSpaceLog(Clock clock) {
        this(clock, Duration.ofMinutes(1));
    }

    OutOfSpaceLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Counts a write refused for lack of space, and logs its cause if nothing was logged in the last
     * interval. Does nothing when {@code failure} is not about space.
     *
     * @param what the write that was refused, e.g. "POST /comments" or "search index update"
     * @return true when {@code failure} was a full disk
     */
    public boolean report(String what, Throwable failure) {
        Throwable cause = OutOfSpace.cause(failure).orElse(null);
        if (cause == null) {
            return false;
        }
        long earlier;
        synchronized (this) {
            Instant now = clock.instant();
            if (lastReport != null && now.isBefore(lastReport.plus(interval))) {
                refusedSince++;
                return true;
            }
            earlier = refusedSince;
            refusedSince = 0;
            lastReport = now;
        }
        log.error("out of disk space: {} failed with {}; writes are refused with 503 until space is freed"
                        + " ({} more refused since the last report; next report in {} s at the earliest)",
                what, cause, earlier, interval.toSeconds());
        return true;
    }
}
