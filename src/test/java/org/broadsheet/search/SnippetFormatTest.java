package org.broadsheet.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A snippet cut inside a sentence says so with an ellipsis; whole sentences stand as they are. */
class SnippetFormatTest {

    private static final String TEXT = "Pohiva died today at 10:00 a.m. Tongan time (2100 UTC, yesterday) at the age of 78. "
            + "He had been prime minister since 2014.\nA new paragraph <here>.";

    private static Passage passage(String from, String to, String match) {
        Passage p = new Passage();
        int start = TEXT.indexOf(from);
        p.setStartOffset(start);
        p.setEndOffset(TEXT.indexOf(to, start) + to.length());
        int m = TEXT.indexOf(match, start);
        p.addMatch(m, m + match.length(), new BytesRef(match), 1);
        return p;
    }

    private static String format(Passage... passages) {
        return (String) new SnippetFormat().format(passages, TEXT);
    }

    @Test
    void wholeSentencesHaveNoEllipsis() {
        assertThat(format(passage("He had", "2014.", "minister"))).isEqualTo("He had been prime <mark>minister</mark> since 2014.");
        assertThat(format(passage("Pohiva", "78.", "Pohiva"))).isEqualTo("<mark>Pohiva</mark> died today at 10:00 a.m. Tongan time "
                + "(2100 UTC, yesterday) at the age of 78.");
    }

    @Test
    void aPassageCutInsideASentenceSaysSoAtEitherEnd() {
        assertThat(format(passage("Tongan", "78.", "UTC"))).isEqualTo("… Tongan time (2100 <mark>UTC</mark>, yesterday) at the age of 78.");
        assertThat(format(passage("He had", "minister", "prime"))).isEqualTo("He had been <mark>prime</mark> minister …");
    }

    @Test
    void aParagraphsEndAndTheTextsEndCloseASnippetAndTheTextIsEscaped() {
        assertThat(format(passage("A new", "<here>", "new"))).isEqualTo("A <mark>new</mark> paragraph &lt;here&gt; …");
        assertThat(format(passage("A new", "<here>.", "new"))).isEqualTo("A <mark>new</mark> paragraph &lt;here&gt;.");
        assertThat(format(passage("He had", "2014.", "He"), passage("A new", "<here>.", "paragraph")))
                .isEqualTo("<mark>He</mark> had been prime minister since 2014. … A new <mark>paragraph</mark> &lt;here&gt;.");
    }
}
