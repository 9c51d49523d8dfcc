package org.broadsheet.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests being handled, so that a graceful stop of the server (its stop timeout) waits until the
 * last one is answered, including those that answer later from another thread (comment posts after their
 * commit). Unlike Jetty's {@code GracefulHandler} it never refuses a request: once the connectors have stopped
 * accepting, a request that still arrives on an open connection is served (its answer closes the connection),
 * which during a rolling restart is better than a 503. Thread-safe.
 */
public final class InFlightRequests extends Handler.Wrapper implements Graceful {

    private final LongAdder active = new LongAdder();
    private final Shutdown shutdown = new Shutdown(this) {
        @Override
        public boolean isShutdownDone() {
            return active.sum() == 0;
        }
    };

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        active.increment();
        Callback counted = Callback.from(callback, this::finished);
        try {
            if (super.handle(request, response, counted)) {
                return true;
            }
        } catch (Throwable e) {
            finished();
            throw e;
        }
        finished();
        return false;
    }

    private void finished() {
        active.decrement();
        if (shutdown.isShutdown()) {
            shutdown.check();
        }
    }

    /** Requests being handled now. */
    public long active() {
        return active.sum();
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        return shutdown.shutdown();
    }

    @Override
    public boolean isShutdown() {
        return shutdown.isShutdown();
    }
}
