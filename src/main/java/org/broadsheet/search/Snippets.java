package org.broadsheet.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.broadsheet.article.SentenceBreaks;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Highlighted passages for a page of hits: the best passage of the body (or the standfirst) with the
 * matched words in {@code <mark>}. The formatter escapes the text, so the result is safe HTML.
 */
final class Snippets {

    private static final int BODY_PASSAGES = 2;
    private static final int PASSAGE_LENGTH = 160;

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** One snippet per document, in order; empty strings where nothing can be shown. */
    String[] highlight(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormat())
                // Sentences, not a plain split at full stops (that cut passages inside "1.2%" and "U.S.").
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), PASSAGE_LENGTH, 0.5f))
                .withScorer(new PassageRanking())
                // Weight matching re-ran the whole (multi-field, boosted) query against every document shown:
                // 80 % of the highlighting time in profiles. The query's terms (phrases kept strict) give the
                // same marks from the postings.
                .withWeightMatches(false)
                .withMaxLength(50_000)
                .build();
        // The body first; the standfirst only for the hits whose body has no match (most have one), which
        // saves loading and scanning it for nearly every hit.
        String[] out = field(highlighter, IndexFields.BODY, query, docIds, BODY_PASSAGES);
        int[] missing = IntStream.range(0, docIds.length).filter(i -> !out[i].contains("<mark>")).toArray();
        if (missing.length > 0) {
            String[] standfirst = field(highlighter, IndexFields.STANDFIRST, query,
                    Arrays.stream(missing).map(i -> docIds[i]).toArray(), 1);
            for (int k = 0; k < missing.length; k++) {
                if (standfirst[k].contains("<mark>")) {
                    out[missing[k]] = standfirst[k];
                }
            }
        }
        return out;
    }

    /** One passage string per document, stripped; empty where the field is empty. */
    private static String[] field(UnifiedHighlighter highlighter, String field, Query query, int[] docIds, int passages)
            throws IOException {
        String[] found = highlighter.highlightFields(new String[] {field}, query, docIds, new int[] {passages}).get(field);
        String[] out = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            out[i] = found[i] == null ? "" : found[i].strip();
        }
        return out;
    }
}
