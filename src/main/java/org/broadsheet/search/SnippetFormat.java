package org.broadsheet.search;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.broadsheet.article.SentenceBreaks;

/**
 * Lucene's formatter (escaped text, matches in {@code <mark>}, " … " between passages), plus an ellipsis
 * where the snippet starts or ends inside a sentence ({@link SentenceBreaks}' sentences): a passage may be
 * cut to its target length, and a reader should see that the text goes on.
 */
final class SnippetFormat extends PassageFormatter {

    private static final String ELLIPSIS = "…";
    private final DefaultPassageFormatter marks = new DefaultPassageFormatter("<mark>", "</mark>", " " + ELLIPSIS + " ", true);

    @Override
    public Object format(Passage[] passages, String content) {
        String text = (String) marks.format(passages, content);
        if (passages.length == 0 || text.isBlank()) {
            return text;
        }
        String out = text.strip();
        SentenceBreaks sentences = new SentenceBreaks();
        sentences.setText(content);
        if (!atSentenceStart(sentences, content, passages[0].getStartOffset())) {
            out = ELLIPSIS + " " + out;
        }
        if (!atSentenceStart(sentences, content, passages[passages.length - 1].getEndOffset())) {
            out = out + " " + ELLIPSIS;
        }
        return out;
    }

    /** True when a sentence starts at the first non-blank character from {@code offset} on, or none is left. */
    private static boolean atSentenceStart(SentenceBreaks sentences, String content, int offset) {
        int i = Math.min(offset, content.length());
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        return i == content.length() || sentences.isBoundary(i);
    }
}
