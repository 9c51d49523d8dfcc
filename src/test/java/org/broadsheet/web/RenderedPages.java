package org.broadsheet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder where the HTTP tests leave the HTML the server really sent for each page type (public pages, and the newsroom's as its editors see them), for
 * {@link PublicPagesHtmlValidationTest}, which runs later in a JVM without Javalin. Plain Java only: it loads in both.
 */
public final class RenderedPages {

    /** Every page type; each must be saved under {@code NAME.html}. */
    public static final List<String> PAGE_TYPES = List.of("home", "section", "subsection", "tag", "author", "article",
            "article-with-lead-image", "not-found", "bad-request", "list-page-2", "search", "search-nothing-found", "comments-page",
            "newsroom-sign-in", "newsroom-dashboard", "newsroom-articles", "newsroom-new-article", "newsroom-editor",
            "newsroom-revisions", "newsroom-users", "newsroom-comments", "newsroom-not-found");

    private RenderedPages() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("broadsheet.rendered-pages", "target/rendered-pages"));
    }

    /** Empties the folder, so a page that is no longer saved cannot pass on a stale copy. */
    public static void clear() {
        try {
            Files.createDirectories(folder());
            try (Stream<Path> files = Files.list(folder())) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void save(String pageType, String html) {
        if (!PAGE_TYPES.contains(pageType)) {
            throw new IllegalArgumentException("unknown page type " + pageType + "; add it to RenderedPages.PAGE_TYPES");
        }
        try {
            Files.createDirectories(folder());
            Files.writeString(folder().resolve(pageType + ".html"), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
