package org.broadsheet;

import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the server until SIGTERM or SIGINT, then stops it gracefully ({@link App#close()}) and returns, so that
 * {@code serve} exits 0 like any orderly stop (the JVM's own handling would exit 143 from a shutdown hook).
 * A shutdown hook still stops the app if the JVM exits any other way. Stopping happens once; a second signal
 * waits for the first stop to finish.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Blocks until the app has been stopped by a signal or by the JVM's shutdown. */
    static void serveUntilStopped(App app) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                try {
                    app.close();
                } finally {
                    stopped.countDown();
                }
            } else {
                awaitQuietly(stopped);
            }
        };
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException unsupported) {
                // Not a signal this platform lets us handle: the shutdown hook below stops the app instead.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
        stopped.await();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
