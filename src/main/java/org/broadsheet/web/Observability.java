package org.broadsheet.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Request ids on every log line of a request, per-route request metrics, slow-request logging and the
 * Prometheus endpoint. One per process; thread-safe.
 */
public final class Observability {

    private static final Logger log = LoggerFactory.getLogger("broadsheet.requests");
    private static final Pattern INCOMING_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final String REQUEST_ID = "requestId";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final long slowMillis;
    private final boolean metricsPublic;
    private final int proxyHops;

    /**
     * @param slowMillis    requests slower than this are logged with their timings
     * @param metricsPublic serve /metrics to any address, not only to loopback clients
     * @param proxyHops     trusted proxies in front, whose {@code X-Forwarded-For} entries must be loopback too
     */
    public Observability(long slowMillis, boolean metricsPublic, int proxyHops) {
        this.slowMillis = slowMillis;
        this.metricsPublic = metricsPublic;
        this.proxyHops = proxyHops;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Installs the request-id filter and the request logger that records metrics. */
    public void install(JavalinConfig cfg) {
        cfg.routes.before(this::assignRequestId);
        cfg.requestLogger.http(this::record);
    }

    private void assignRequestId(Context ctx) {
        String incoming = ctx.header("X-Request-Id");
        String id = incoming != null && INCOMING_ID.matcher(incoming).matches() ? incoming
                : Long.toHexString(ThreadLocalRandom.current().nextLong());
        MDC.put(REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
    }

    private void record(Context ctx, Float millis) {
        try {
            String route = route(ctx);
            Timer.builder("http.server.requests")
                    .description("HTTP requests by route")
                    .tag("method", ctx.method().name())
                    .tag("route", route)
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .publishPercentileHistogram()
                    .register(registry)
                    .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
            if (millis >= slowMillis) {
                log.warn("slow request: {} {} (route {}) took {} ms, status {}", ctx.method(), ctx.path(), route,
                        String.format("%.1f", millis), ctx.statusCode());
            }
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Handler for {@code GET /metrics} in the Prometheus text format. */
    public void serveMetrics(Context ctx) {
        if (!metricsPublic && !ClientAddress.isLocal(RequestFacts.of(ctx), proxyHops)) {
            throw new ForbiddenResponse("Metrics are served to local clients only.");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
