package org.broadsheet.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo story's standfirst is its whole lede sentence: initials, abbreviations and times do not end it, and a
 * dateline is never it. Interview transcripts' markers are read into speakers.
 */
class WikinewsDemoTextTest {

    @Test
    void interviewMarkersBecomeSpeakersAndQuotationOriginalsSayTheirLanguage() {
        assertThat(DemoParagraph.of("((WN))  What prompted your curiosity?")).isEqualTo(new DemoParagraph("Wikinews", "What prompted your curiosity?"));
        assertThat(DemoParagraph.of("((WSS)) : How did it come about?")).isEqualTo(new DemoParagraph("Wikinews", "How did it come about?"));
        assertThat(DemoParagraph.of("((Zara Kay))  I was born in Tanzania.")).isEqualTo(new DemoParagraph("Zara Kay", "I was born in Tanzania."));
        assertThat(DemoParagraph.of(": Why are you running?")).isEqualTo(new DemoParagraph(null, "Why are you running?"));
        assertThat(DemoParagraph.of("He said, \"It works.\" ((es))Spanish language: \u200dFunciona.").plain())
                .isEqualTo("He said, \"It works.\" In Spanish: Funciona.");
        assertThat(DemoParagraph.of("((Akram Pasha))  No. ((hi))Hindi language: \u200dनहीं।").markdown()).isEqualTo("**Akram Pasha:** No. In Hindi: नहीं।");
        assertThat(DemoParagraph.of("\"Done.\" ((ru))Russian: \u200dГотово.").text()).isEqualTo("\"Done.\" In Russian: Готово.");
    }

    @Test
    void aDatelineOnTheLedesFirstLineIsDroppedNotTakenAsTheStandfirst() {
        assertThat(WikinewsDemo.bodyParagraphs("Friday, December 25, 2020 \nIn May, a study was published. It said so.\n\nMore."))
                .extracting(DemoParagraph::text).containsExactly("In May, a study was published. It said so.", "More.");
    }

    @Test
    void theLedeSentenceRunsPastInitialsAbbreviationsAndTimes() {
        assertThat(WikinewsDemo.firstSentence("Akilisi Pohiva, the prime minister of Tonga, died today at 10:00 a.m. Tongan time "
                + "(2100 UTC, yesterday) at the age of 78. Pohiva had been prime minister since 2014."))
                .isEqualTo("Akilisi Pohiva, the prime minister of Tonga, died today at 10:00 a.m. Tongan time (2100 UTC, yesterday) "
                        + "at the age of 78.");
        assertThat(WikinewsDemo.firstSentence("A former advisor for U.S. President Donald Trump, John R. Bolton, spoke. He left."))
                .isEqualTo("A former advisor for U.S. President Donald Trump, John R. Bolton, spoke.");
        assertThat(WikinewsDemo.firstSentence("One sentence only")).isEqualTo("One sentence only");
    }

    @Test
    void sentencesSplitTheSameWay() {
        assertThat(WikinewsDemo.sentences("Dr. Ann Lee spoke at 9 a.m. Monday. Prices rose 1.2%. \"Why?\" she asked."))
                .containsExactly("Dr. Ann Lee spoke at 9 a.m. Monday.", "Prices rose 1.2%.", "\"Why?\" she asked.");
    }
}
