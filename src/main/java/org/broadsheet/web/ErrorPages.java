package org.broadsheet.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure into a proper page: a clear message and a 4xx for bad requests, a 503 with
 * Retry-After when the disk is full ({@link FullDisk}), a plain 500 page (and a log line with the cause)
 * for our own faults. No stack trace ever reaches a reader. A part of the site with its own frame (the
 * newsroom) shows these answers in it through {@link #within}.
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** Renders an error answer inside a part of the site's own frame. */
    @FunctionalInterface
    public interface Screen {
        void send(Context ctx, int status, String heading, String message);
    }

    private final SiteChrome chrome;
    private final Templates templates;
    private final FullDisk fullDisk;
    private final Map<String, Screen> screens = new LinkedHashMap<>();

    public ErrorPages(SiteChrome chrome, Templates templates, FullDisk fullDisk) {
        this.chrome = chrome;
        this.templates = templates;
        this.fullDisk = fullDisk;
    }

    /** Shows the error answers for paths under {@code prefix} with {@code screen}; call before {@link #register}. */
    public ErrorPages within(String prefix, Screen screen) {
        screens.put(prefix, screen);
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            if (fullDisk.refuses(ctx, e)) {
                send(ctx, 503, FullDisk.MESSAGE);
                return;
            }
            int refused = clientFault(e);
            if (refused > 0) {
                // e.g. a multipart body cut short or without its boundaries: the parser's own words stay in the log
                log.debug("request refused: {} {}", ctx.method(), ctx.path(), e);
                // the rest of such a body cannot be read, so the connection cannot carry another request
                ctx.header("Connection", "close");
                send(ctx, refused, refused == 413 ? "The request is too large."
                        : "The form could not be read: it was cut short or is not well-formed. Please send it again.");
                return;
            }
            log.error("request failed: {} {}", ctx.method(), ctx.path(), e);
            send(ctx, 500, null);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                send(ctx, 404, null);
            }
        });
    }

    /** The 4xx status Jetty gave a request it could not parse (wrapped by the servlet layer), or 0 for our own fault. */
    private static int clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return h.getCode();
            }
        }
        return 0;
    }

    private void send(Context ctx, int status, String message) {
        String heading = switch (status) {
            case 404 -> "Page not found";
            case 403 -> "Not allowed";
            case 405 -> "Method not allowed";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            case 503 -> "Not available just now";
            default -> status >= 500 ? "Something went wrong" : "Bad request";
        };
        String text = message;
        // A 500's message may be an internal one; a 503 is raised by our own code with a message for people.
        boolean internal = status >= 500 && status != 503;
        if (text == null || text.isBlank() || internal || text.equals("Not Found") || text.startsWith("Endpoint ")) {
            text = switch (status) {
                case 404 -> "We could not find a page at this address. It may have moved, or the link may be wrong.";
                case 405 -> "This address does not accept that kind of request.";
                case 503 -> "This part of the site is not available just now. Please try again in a moment.";
                default -> status >= 500 ? "We could not show this page because of a fault on our side. Please try again in a moment."
                        : "The request could not be understood.";
            };
        }
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        if (ctx.header("Accept") != null && ctx.header("Accept").contains("application/json") && !ctx.header("Accept").contains("text/html")) {
            ctx.json(Map.of("status", status, "error", text));
            return;
        }
        for (Map.Entry<String, Screen> s : screens.entrySet()) {
            if (ctx.path().equals(s.getKey()) || ctx.path().startsWith(s.getKey() + "/")) {
                s.getValue().send(ctx, status, heading, text);
                return;
            }
        }
        templates.send(ctx, "web/error.jte", new ErrorPage(chrome.layoutNoIndex(heading, null, ctx.path()), status, heading, text));
    }
}
