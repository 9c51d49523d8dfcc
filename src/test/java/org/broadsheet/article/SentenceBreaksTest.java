package org.broadsheet.article;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Snippet sentences end where a reader would end them, and the iterator keeps BreakIterator's contract. */
class SentenceBreaksTest {

    private static List<String> sentences(String text) {
        BreakIterator it = new SentenceBreaks();
        it.setText(text);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(text.substring(start, end));
        }
        return out;
    }

    @Example
    void sentencesEndAtStopsFollowedByACapital() {
        assertThat(sentences("The vote was close. Turnout rose! Who won? \"Nobody,\" he said. 2020 was different."))
                .containsExactly("The vote was close. ", "Turnout rose! ", "Who won? ", "\"Nobody,\" he said. ", "2020 was different.");
    }

    @Example
    void numbersInitialsAndAbbreviationsEndNothing() {
        assertThat(sentences("Prices rose 1.2% in the U.S. economy. Mr. Smith and Dr. J. Doe met on Jan. 5 at St. Paul's."))
                .containsExactly("Prices rose 1.2% in the U.S. economy. ", "Mr. Smith and Dr. J. Doe met on Jan. 5 at St. Paul's.");
        assertThat(sentences("Fruit, e.g. apples, sold well. Sales rose.")).containsExactly("Fruit, e.g. apples, sold well. ", "Sales rose.");
    }

    @Example
    void closingQuotesStayWithTheirSentenceAndLineBreaksEndOne() {
        assertThat(sentences("He said \"it is over.\" Then he left (for good.) Next\n\nA new paragraph without a stop\nAnother"))
                .containsExactly("He said \"it is over.\" ", "Then he left (for good.) ", "Next\n\n", "A new paragraph without a stop\n",
                        "Another");
    }

    @Example
    void aLowerCaseWordAfterAStopContinuesTheSentence() {
        assertThat(sentences("The figure was approx. ten thousand.")).containsExactly("The figure was approx. ten thousand.");
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.of("The", "vote", "U.S.", "Mr.", "1.2%", ".", "!", "?", " ", "  ", "\n", "\"", ")", "said.", "A",
                "e.g.", "…", "x", "(", "’").list().ofMaxSize(40).map(words -> String.join("", words));
    }

    @Property(tries = 500)
    void followingAndPrecedingAgreeWithTheWalk(@ForAll("prose") String text) {
        BreakIterator it = new SentenceBreaks();
        it.setText(text);
        List<Integer> bounds = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            bounds.add(b);
        }
        assertThat(bounds.get(0)).isZero();
        assertThat(bounds.get(bounds.size() - 1)).isEqualTo(text.length());
        assertThat(bounds).isSorted().doesNotHaveDuplicates();
        for (int offset = 0; offset <= text.length(); offset++) {
            int o = offset;
            int following = bounds.stream().filter(b -> b > o).findFirst().orElse(BreakIterator.DONE);
            int preceding = bounds.stream().filter(b -> b < o).reduce((a, b) -> b).orElse(BreakIterator.DONE);
            assertThat(it.following(offset)).as("following(%d)", offset).isEqualTo(following);
            assertThat(it.preceding(offset)).as("preceding(%d)", offset).isEqualTo(preceding);
            assertThat(it.isBoundary(offset)).isEqualTo(bounds.contains(offset));
        }
        List<Integer> backwards = new ArrayList<>();
        for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) {
            backwards.add(0, b);
        }
        assertThat(backwards).isEqualTo(bounds);
    }
}
