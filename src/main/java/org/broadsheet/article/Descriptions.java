package org.broadsheet.article;

import org.jsoup.Jsoup;

/** Short descriptions of articles for page heads, sharing cards and feeds. */
public final class Descriptions {

    private static final int MAX = 160;

    private Descriptions() {
    }

    /**
     * The standfirst, or for an article without one the opening of its text (cut at a word, at most
     * {@value #MAX} characters), or the headline when there is no text either: never blank.
     */
    public static String of(Article article) {
        if (article.standfirst() != null && !article.standfirst().isBlank()) {
            return article.standfirst();
        }
        String text = Jsoup.parse(article.bodyHtml() == null ? "" : article.bodyHtml()).text();
        if (text.isBlank()) {
            return article.headline();
        }
        if (text.length() <= MAX) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX - 1);
        return text.substring(0, cut > MAX / 2 ? cut : MAX - 1) + "…";
    }
}
