package org.broadsheet.article;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to safe HTML for article bodies. commonmark passes raw HTML through, so sanitizing is
 * the last step and nothing else may run after it. Thread-safe.
 */
public final class BodyRenderer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("figure", "figcaption", "hr", "pre", "code", "sup", "sub", "small", "cite", "abbr")
                    .allowAttributes("title").onElements("abbr")
                    .allowElements("img")
                    .allowAttributes("alt", "width", "height", "loading").onElements("img")
                    .allowAttributes("src").matching(BodyRenderer::isSafeImageSource).onElements("img")
                    .toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();

    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }

    private static boolean isSafeImageSource(String src) {
        return src.startsWith("/media/") && !src.contains("..") || src.startsWith("https://");
    }

    /** Escapes plain text so that Markdown shows it as written. */
    public static String escapeMarkdown(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (String line : plain.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String escaped = line.replaceAll("([\\\\`*_\\[\\]<>#|~!])", "\\\\$1");
            // A line that starts like a list item, heading underline or ordered item must stay a paragraph.
            escaped = escaped.replaceFirst("^(\\s*)([-+=])", "$1\\\\$2").replaceFirst("^(\\s*\\d+)([.)])", "$1\\\\$2");
            out.append(escaped);
        }
        return out.toString();
    }
}
