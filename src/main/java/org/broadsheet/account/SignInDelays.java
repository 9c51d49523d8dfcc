package org.broadsheet.account;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Holds delayed sign-in attempts without holding a request thread: the attempt is checked on this class's
 * two scheduler threads once its wait is over, and the handler answers through Javalin's
 * {@code ctx.future}. The server has only a few request threads, so a guesser must not be able to park
 * them: at most {@link SignInThrottle.Key#maxWaiting()} attempts may wait at once per key (account,
 * address, device) and {@value #MAX_WAITING} in all; one more is refused at once with a
 * {@link AccountService.ThrottledException}. An attacker flooding one account therefore only fills that
 * account's few places, and an attempt with a known-device cookie, which counts against its device and
 * not the account, still goes through at once.
 *
 * <p>The wait itself runs on real time (the scheduler's), while how long to wait comes from the
 * {@link SignInThrottle}'s clock. Created and closed by the composition root; {@link #close()} ends the
 * attempts still waiting with a {@link CancellationException}. Thread-safe.
 */
public final class SignInDelays implements AutoCloseable {

    static final int MAX_WAITING = 256;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sign-in-delays");
        t.setDaemon(true);
        return t;
    });
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    /** Waiting attempts per key name; guarded by {@code this}. */
    private final Map<String, Integer> waiting = new HashMap<>();
    private int total;

    /**
     * Runs {@code check} once {@code wait} is over, on a scheduler thread, or fails at once (with
     * {@link AccountService.ThrottledException}) when too many attempts for one of these keys wait already.
     */
    <T> CompletableFuture<T> after(Duration wait, List<SignInThrottle.Key> keys, Supplier<T> check) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!reserve(keys)) {
            result.completeExceptionally(new AccountService.ThrottledException(
                    "Too many sign-ins for this account or from this address are waiting. Please try again in a minute."));
            return result;
        }
        pending.add(result);
        try {
            scheduler.schedule(() -> {
                T value = null;
                RuntimeException error = null;
                try {
                    value = check.get();
                } catch (RuntimeException e) {
                    error = e;
                }
                // the places are free before the answer goes out, so whoever hears it may try again at once
                pending.remove(result);
                release(keys);
                if (error == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(error);
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) { // closed meanwhile
            pending.remove(result);
            release(keys);
            result.completeExceptionally(new CancellationException("sign-in is closing"));
        }
        return result;
    }

    /** How many attempts are waiting now. */
    public synchronized int waiting() {
        return total;
    }

    private synchronized boolean reserve(List<SignInThrottle.Key> keys) {
        if (total >= MAX_WAITING || keys.stream().anyMatch(k -> waiting.getOrDefault(k.name(), 0) >= k.maxWaiting())) {
            return false;
        }
        total++;
        keys.forEach(k -> waiting.merge(k.name(), 1, Integer::sum));
        return true;
    }

    private synchronized void release(List<SignInThrottle.Key> keys) {
        total--;
        keys.forEach(k -> waiting.computeIfPresent(k.name(), (name, n) -> n > 1 ? n - 1 : null));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(new CancellationException("sign-in is closing"));
        }
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
