package org.broadsheet.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The allocation-free passage scoring gives Lucene's own scores (up to float rounding). */
class PassageRankingTest {

    @Test
    void scoresEqualLucenesForRandomPassages() {
        PassageScorer lucene = new PassageScorer();
        PassageRanking ours = new PassageRanking();
        SplittableRandom random = new SplittableRandom(7);
        String[] words = {"election", "vote", "court", "storm", "minister"};
        for (int round = 0; round < 2_000; round++) {
            Passage p = new Passage();
            int start = random.nextInt(5_000);
            int matches = random.nextInt(12);
            p.setStartOffset(start);
            p.setEndOffset(start + matches * 31 + 20 + random.nextInt(100));
            int at = start;
            for (int m = 0; m < matches; m++) {
                at += 1 + random.nextInt(20);
                String w = words[random.nextInt(words.length)];
                p.addMatch(at, at + w.length(), new BytesRef(w), 1 + w.length() % 3);
                at += w.length();
            }
            int contentLength = p.getEndOffset() + random.nextInt(10_000);
            assertThat(ours.score(p, contentLength)).as("round %d", round)
                    .isCloseTo(lucene.score(p, contentLength), within(1e-4f * Math.max(1f, lucene.score(p, contentLength))));
        }
    }
}
