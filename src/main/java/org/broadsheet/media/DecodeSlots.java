package org.broadsheet.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many images may be decoded at once. A decoded photo takes up to four bytes a pixel (200 MB at the
 * 50-megapixel limit, more while it is turned and scaled), so three large uploads at the same moment could
 * otherwise take gigabytes of heap; with two slots a third waits, and gives up with
 * {@link MediaLibrary.BusyException} rather than holding a request thread for long. Thread-safe.
 */
final class DecodeSlots {

    private final Semaphore permits;
    private final Duration wait;

    DecodeSlots(int slots, Duration wait) {
        this.permits = new Semaphore(slots, true);
        this.wait = wait;
    }

    /** Runs the work in a slot, waiting up to the configured time for one. */
    <T> T run(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new MediaLibrary.BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaLibrary.BusyException();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
