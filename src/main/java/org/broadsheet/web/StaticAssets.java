package org.broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own static files (stylesheet, scripts, icons), served from memory under names that carry
 * a hash of their content, so browsers and CDNs may keep them for a year. Thread-safe after construction.
 */
public final class StaticAssets {

    private record Asset(String contentType, byte[] bytes, String etag) {
    }

    private final Map<String, String> urlByName = new LinkedHashMap<>();
    private final Map<String, Asset> assetByUrlName = new LinkedHashMap<>();

    public StaticAssets(List<String> names) {
        for (String name : names) {
            byte[] bytes = read("/assets/" + name);
            String hash = hash(bytes);
            int dot = name.lastIndexOf('.');
            String fingerprinted = name.substring(0, dot) + "." + hash + name.substring(dot);
            urlByName.put(name, "/assets/" + fingerprinted);
            assetByUrlName.put(fingerprinted, new Asset(contentType(name), bytes, "\"" + hash + "\""));
        }
    }

    /** The fingerprinted URL of an asset, e.g. {@code /assets/site.3f2a….css}. */
    public String url(String name) {
        String url = urlByName.get(name);
        if (url == null) {
            throw new IllegalArgumentException("unknown asset " + name);
        }
        return url;
    }

    /** Handler for {@code GET /assets/{file}}. */
    public void serve(Context ctx) {
        Asset asset = assetByUrlName.get(ctx.pathParam("file"));
        if (asset == null) {
            throw new NotFoundResponse("No such file");
        }
        send(ctx, asset, "public, max-age=31536000, immutable");
    }

    /**
     * A handler for a file that browsers ask for by a fixed name, such as {@code /favicon.ico}: kept for
     * 30 days, then revalidated by its ETag, since the name cannot change when the content does.
     */
    public Handler fixedName(String name) {
        byte[] bytes = read("/assets/" + name);
        Asset asset = new Asset(contentType(name), bytes, "\"" + hash(bytes) + "\"");
        return ctx -> send(ctx, asset, "public, max-age=2592000");
    }

    private static void send(Context ctx, Asset asset, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".ico")) {
            return "image/x-icon";
        }
        return "application/octet-stream";
    }

    private static String hash(byte[] bytes) {
        return Digests.sha256Hex(bytes).substring(0, 12);
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
