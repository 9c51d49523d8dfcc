package org.broadsheet.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every request body in full, without holding a thread while it arrives, before the request goes on to
 * the web framework (whose handlers read bodies with blocking calls): a client that sends its body a byte at a
 * time costs a connection and a few bytes, never one of the few request threads. The handlers then read the body
 * from memory, so forms, comment posts and multipart photo uploads work unchanged.
 *
 * <p>A body must arrive at {@link BodyLimits#minBytesPerSecond()} on average once {@link BodyLimits#grace()} has
 * passed, or the request is answered 408 and its connection closed. One address may send
 * {@link BodyLimits#perAddress()} bodies at once (429 past that), and all bodies together may hold
 * {@link BodyLimits#memoryBudget()} bytes (503 past that). A body declared larger than {@code maxBytes} is read
 * and dropped (up to four times the limit, so the sender sees the answer rather than a reset connection) and the
 * request goes on without it: the handlers' own size checks answer 413 with their message. Thread-safe.
 */
public final class BodyBuffering extends Handler.Wrapper {

    /** Over-declared bodies up to this many times the limit are read and dropped so the sender reads the 413. */
    private static final long DRAIN_FACTOR = 4;
    private static final int INITIAL_BUFFER = 16 * 1024;

    private final long maxBytes;
    private final BodyLimits limits;
    private final int proxyHops;
    private final long budget;
    private final AtomicLong reserved = new AtomicLong();
    private final ConcurrentHashMap<String, AtomicInteger> sending = new ConcurrentHashMap<>();
    private final Counter tooSlow;
    private final Counter refused;

    /**
     * @param maxBytes  the largest body accepted
     * @param proxyHops trusted proxies in front, to count bodies per client rather than per proxy
     */
    public BodyBuffering(long maxBytes, BodyLimits limits, int proxyHops, MeterRegistry metrics) {
        this.maxBytes = maxBytes;
        this.limits = limits;
        this.proxyHops = proxyHops;
        this.budget = Math.max(limits.memoryBudget(), maxBytes);
        this.tooSlow = Counter.builder("broadsheet.bodies.too_slow")
                .description("Requests answered 408 because their body arrived too slowly").register(metrics);
        this.refused = Counter.builder("broadsheet.bodies.refused")
                .description("Requests refused before their body was read: too many at once from one address, or memory").register(metrics);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = declaredLength(request);
        if (declared == 0) {
            return super.handle(request, response, callback);
        }
        long kept = declared > 0 && declared <= maxBytes ? declared : declared < 0 ? maxBytes : 0;
        if (!reserve(kept)) {
            refuse(response, callback, 503, "The server is busy receiving other uploads. Please try again in a moment.");
            return true;
        }
        String address = ClientAddress.of(RequestFacts.of(request), proxyHops);
        AtomicInteger fromAddress = sending.compute(address, (a, n) -> n == null ? new AtomicInteger(1) : increment(n));
        if (fromAddress.get() > limits.perAddress()) {
            stopSending(address);
            reserved.addAndGet(-kept);
            refuse(response, callback, 429, "Too many requests are being sent from your address at once. Please try again in a moment.");
            return true;
        }
        new Reader(request, response, callback, declared, kept, address).start();
        return true;
    }

    private static AtomicInteger increment(AtomicInteger n) {
        n.incrementAndGet();
        return n;
    }

    private void stopSending(String address) {
        sending.computeIfPresent(address, (a, n) -> n.decrementAndGet() == 0 ? null : n);
    }

    private boolean reserve(long bytes) {
        while (true) {
            long now = reserved.get();
            if (now + bytes > budget && bytes > 0) {
                return false;
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** The declared body length; -1 for a chunked body of unknown length, 0 for none. */
    private static long declaredLength(Request request) {
        long length = 0;
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
                length = field.getLongValue();
            } else if (field.getHeader() == HttpHeader.TRANSFER_ENCODING) {
                return -1;
            }
        }
        return length;
    }

    private void refuse(Response response, Callback callback, int status, String message) {
        refused.increment();
        answer(response, callback, status, message);
    }

    /** A plain answer that closes the connection, since the rest of the body is not going to be read. */
    private static void answer(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (status == 503 || status == 429) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        }
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * Receives one body chunk by chunk as it arrives, then hands the request on; or cuts it off. Chunks are read
     * on one thread at a time (Jetty's demand); the rate check runs on the scheduler, and {@link #decide()}
     * settles which of them answers.
     */
    private final class Reader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long kept;
        private final String address;
        private final boolean skip;
        private final AtomicBoolean decided = new AtomicBoolean();
        private final AtomicBoolean released = new AtomicBoolean();
        private final long startNanos = System.nanoTime();
        private final long checkNanos;
        private volatile long received;
        private byte[] body;
        private int length;

        Reader(Request request, Response response, Callback callback, long declared, long kept, String address) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.kept = kept;
            this.address = address;
            // Far over the limit: not worth the bandwidth. The handlers refuse it at once; the connection closes after.
            this.skip = kept == 0 && declared > DRAIN_FACTOR * maxBytes;
            // The buffer grows as bytes come: a client that only declares a large body gets nothing allocated for it.
            this.body = new byte[(int) Math.min(INITIAL_BUFFER, kept)];
            this.checkNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50),
                    Math.min(limits.grace().toNanos(), TimeUnit.SECONDS.toNanos(1)));
        }

        void start() {
            if (skip) {
                decide();
                dispatch();
                return;
            }
            scheduleCheck();
            read();
        }

        private void read() {
            while (!decided.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (!chunk.isLast()) {
                        // The connection's idle timeout (cut to a second while the server stops): the rate check
                        // decides about slow bodies, so reading goes on.
                        request.demand(this::read);
                    } else if (decide()) {
                        release();
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                boolean last = chunk.isLast();
                int n = chunk.remaining();
                boolean fits = kept == 0 || n == 0 || append(chunk.getByteBuffer());
                chunk.release();
                if (!fits) {
                    if (decide()) {
                        release();
                        answer(response, callback, 413, "The request is too large.");
                    }
                    return;
                }
                received += n;
                if (last) {
                    if (decide()) {
                        dispatch();
                    }
                    return;
                }
            }
        }

        /** Copies the bytes in, growing the buffer; false once the body would exceed what was declared or allowed. */
        private boolean append(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (length + (long) n > kept) {
                return false;
            }
            if (length + n > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(kept, Math.max(2L * body.length, length + n)));
            }
            bytes.get(body, length, n);
            length += n;
            return true;
        }

        /** Only one of arrival, failure and the rate check decides what becomes of the request. */
        private boolean decide() {
            if (!decided.compareAndSet(false, true)) {
                return false;
            }
            stopSending(address);
            return true;
        }

        private void scheduleCheck() {
            request.getComponents().getScheduler().schedule(this::check, checkNanos, TimeUnit.NANOSECONDS);
        }

        /** Runs on Jetty's scheduler until the body is in: cuts the request off once it falls below the rate. */
        private void check() {
            if (decided.get()) {
                return;
            }
            long elapsed = System.nanoTime() - startNanos;
            if (elapsed > limits.grace().toNanos() && received * 1e9 / elapsed < limits.minBytesPerSecond()) {
                cutOff();
                return;
            }
            scheduleCheck();
        }

        private void cutOff() {
            if (decide()) {
                release();
                tooSlow.increment();
                answer(response, callback, 408, "The request took too long to arrive.");
            }
        }

        private void dispatch() {
            Request buffered = new BufferedRequest(request, ByteBuffer.wrap(body, 0, length));
            Callback done = Callback.from(this::release, callback);
            try {
                if (!getHandler().handle(buffered, response, done)) {
                    Response.writeError(buffered, response, done, 404);
                }
            } catch (Throwable e) {
                Response.writeError(buffered, response, done, e);
            }
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                reserved.addAndGet(-kept);
            }
        }
    }
}
