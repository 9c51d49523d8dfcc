package org.broadsheet.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A demo story's standfirst is its whole lede sentence: initials, abbreviations and times do not end it. */
class WikinewsDemoTextTest {

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
