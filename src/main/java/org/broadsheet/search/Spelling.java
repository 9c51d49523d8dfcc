package org.broadsheet.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean": replaces each word of a query that appears nowhere in the articles with the closest
 * word that does (up to two edits away), using the index itself as the dictionary. Thread-safe.
 */
final class Spelling {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}']*");
    private static final int MIN_LENGTH = 3;

    private final DirectSpellChecker checker = new DirectSpellChecker();

    /** The corrected query, or null when no word needed (or had) a correction. */
    String suggest(String text, IndexReader reader) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        try {
            while (m.find()) {
                String word = m.group();
                String lower = word.toLowerCase(Locale.ROOT);
                String replacement = word;
                if (lower.length() >= MIN_LENGTH && reader.docFreq(new Term(IndexFields.WORDS, lower)) == 0) {
                    SuggestWord[] found = checker.suggestSimilar(new Term(IndexFields.WORDS, lower), 1, reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (found.length > 0) {
                        replacement = found[0].string;
                        changed = true;
                    }
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed ? out.toString() : null;
    }
}
