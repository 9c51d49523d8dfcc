package org.broadsheet.media;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves stored media files from the data folder. Names are checked against a strict pattern, so
 * nothing outside the media folder can be reached, and only image types are ever sent; the
 * {@link org.broadsheet.web.SecurityHeaders} policy for {@code /media/} keeps a browser from treating a file
 * as HTML or script.
 */
public final class MediaFiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}\\.(jpg|png|webp|gif)");
    private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "png", "image/png", "webp", "image/webp", "gif", "image/gif");

    private final Path folder;

    public MediaFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Handler for {@code GET /media/{file}}. */
    public void serve(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundResponse("No such file.");
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundResponse("No such file.");
        }
        String etag = "\"" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(Files.readAllBytes(file));
    }
}
