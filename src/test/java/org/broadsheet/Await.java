package org.broadsheet;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one way tests wait for background work: check a condition every few milliseconds until it holds, and fail
 * with what was awaited once the timeout passes. No test sleeps for a fixed time. Stateless.
 */
public final class Await {

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; throws an {@link AssertionError} naming {@code what} after {@code timeout}. */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
