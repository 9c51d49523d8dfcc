package org.broadsheet.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scoring (BM25 over the passage, favouring early passages) without its per-passage hash
 * of distinct terms: that hash allocated a 32 KB block for every candidate passage, which made highlighting
 * the largest source of garbage on the search page. A passage holds a handful of matches, so finding the
 * distinct terms by comparing them pairwise is cheaper. Scores are the same.
 */
final class PassageRanking extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int n = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] inDoc = passage.getMatchTermFreqsInDoc();
        float score = 0;
        for (int i = 0; i < n; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int inPassage = 1;
            for (int j = i + 1; j < n; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    inPassage++;
                }
            }
            score += weight(contentLength, inDoc[i]) * tf(inPassage, passage.getLength());
        }
        return score * norm(passage.getStartOffset());
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
        for (int j = 0; j < i; j++) {
            if (terms[j].bytesEquals(terms[i])) {
                return true;
            }
        }
        return false;
    }
}
