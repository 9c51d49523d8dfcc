package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a comment's plain text into what the template shows: paragraphs (split at blank lines), line
 * breaks, and http(s) addresses as links. No markup is produced here; the template escapes every piece,
 * so a comment can never add elements or attributes beyond paragraphs, line breaks and these links.
 */
public final class CommentText {

    /** One run of text; {@code href} is set for a link, {@code lineBreak} for a break before the text. */
    public record Piece(String text, String href, boolean lineBreak) {
        public boolean isLink() {
            return href != null;
        }
    }

    /** A paragraph of pieces. */
    public record Paragraph(List<Piece> pieces) {
    }

    private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n(?:[ \\t]*\\r?\\n)+");
    private static final Pattern NEWLINE = Pattern.compile("\\r?\\n|\\r");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

    private CommentText() {
    }

    static List<Paragraph> paragraphs(String body) {
        List<Paragraph> out = new ArrayList<>();
        for (String block : BLANK_LINE.split(body.strip())) {
            if (block.isBlank()) {
                continue;
            }
            List<Piece> pieces = new ArrayList<>();
            String[] lines = NEWLINE.split(block, -1);
            for (int i = 0; i < lines.length; i++) {
                addLine(pieces, lines[i], i > 0);
            }
            out.add(new Paragraph(List.copyOf(pieces)));
        }
        return List.copyOf(out);
    }

    /** How many http(s) links a text holds (for the moderation rule). */
    static int linkCount(String text) {
        Matcher m = URL.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void addLine(List<Piece> pieces, String line, boolean breakBefore) {
        Matcher m = URL.matcher(line);
        int at = 0;
        boolean pendingBreak = breakBefore;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            if (url.length() <= "https://".length() || !CommentValidator.isWebAddress(url)) {
                continue;
            }
            if (m.start() > at) {
                pieces.add(new Piece(line.substring(at, m.start()), null, pendingBreak));
                pendingBreak = false;
            }
            pieces.add(new Piece(url, url, pendingBreak));
            pendingBreak = false;
            at = m.start() + url.length();
        }
        if (at < line.length() || pendingBreak) {
            pieces.add(new Piece(line.substring(at), null, pendingBreak));
        }
    }
}
