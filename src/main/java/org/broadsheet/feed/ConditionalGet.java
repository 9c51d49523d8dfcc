package org.broadsheet.feed;

import io.javalin.http.Context;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Sends a generated document with ETag, Last-Modified and Cache-Control, answering 304 Not Modified when
 * the client's copy is current (RFC 9110: If-None-Match wins over If-Modified-Since).
 */
final class ConditionalGet {

    private final String cacheControl;

    /** @param maxAgeSeconds how long readers and CDNs may reuse a copy without asking again */
    ConditionalGet(int maxAgeSeconds) {
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    void send(Context ctx, XmlDocument doc) {
        ctx.header("ETag", doc.etag());
        ctx.header("Cache-Control", cacheControl);
        if (doc.lastModified() != null) {
            ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(doc.lastModified().atZone(ZoneOffset.UTC)));
        }
        if (notModified(ctx, doc)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(doc.contentType());
        ctx.result(doc.body());
    }

    private static boolean notModified(Context ctx, XmlDocument doc) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(doc.etag()) || t.equals("W/" + doc.etag())) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince == null || doc.lastModified() == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !doc.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }
}
