package org.broadsheet.demo;

import org.broadsheet.article.BodyRenderer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One paragraph of a Wikinews demo text, read out of the wiki's transcript markup: an interview line
 * "((WN)) What prompted…" or "((Zara Kay)) : I was…" becomes a speaker and their words, and a quotation's
 * original, marked "((es))Spanish language: ‍A pesar…", reads "In Spanish: A pesar…". Immutable.
 *
 * @param speaker who says it in an interview transcript ("Wikinews" for the interviewer), or null
 * @param text    the paragraph's plain text, without the speaker
 */
record DemoParagraph(String speaker, String text) {

    /** "((WN))", "((Dorsa Derakhshani))  ", "((WSS)) : " at the start of a paragraph. */
    private static final Pattern SPEAKER = Pattern.compile("^\\(\\(([A-Z][^()]{0,59})\\)\\)\\s*:?\\s*");
    /** "((hi))Hindi language: \u200d", "((ru))Russian: \u200d" before a quotation's original words. */
    private static final Pattern ORIGINAL_LANGUAGE = Pattern.compile(
            "\\s*\\(\\([a-z]{2,3}\\)\\)\\s*(\\p{L}[\\p{L} ]*?)(?: language)?:\\s*\u200d?");
    /** A question whose speaker marker was lost upstream keeps only its colon: ": Why are you running…". */
    private static final Pattern LOST_SPEAKER = Pattern.compile("^:\\s+");
    /** The interviewers' markers: Wikinews, or a Wikinews reporter's user name. */
    private static final Map<String, String> INTERVIEWERS = Map.of("WN", "Wikinews", "WSS", "Wikinews", "Wikinews", "Wikinews");

    static DemoParagraph of(String raw) {
        String speaker = null;
        String text = raw;
        Matcher m = SPEAKER.matcher(text);
        if (m.find()) {
            String name = m.group(1).strip();
            speaker = INTERVIEWERS.getOrDefault(name, name);
            text = text.substring(m.end());
        } else {
            text = LOST_SPEAKER.matcher(text).replaceFirst("");
        }
        text = ORIGINAL_LANGUAGE.matcher(text).replaceAll(r -> " In " + Matcher.quoteReplacement(r.group(1)) + ": ").strip();
        return new DemoParagraph(speaker, text);
    }

    /** As plain text: "Wikinews: What prompted…". */
    String plain() {
        return speaker == null ? text : speaker + ": " + text;
    }

    /** As the article body's Markdown, the speaker in bold. */
    String markdown() {
        String words = BodyRenderer.escapeMarkdown(text);
        return speaker == null ? words : "**" + BodyRenderer.escapeMarkdown(speaker) + ":** " + words;
    }
}
