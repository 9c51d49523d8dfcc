package org.broadsheet.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Builds and parses article addresses; dates are taken in the site's time zone. Thread-safe. */
public final class ArticleUrls {

    private final ZoneId zone;

    public ArticleUrls(ZoneId zone) {
        this.zone = zone;
    }

    public String articleUrl(Section section, Instant published, String slug) {
        LocalDate d = published.atZone(zone).toLocalDate();
        // on every link of every page: String.format's parsing cost showed in profiles
        StringBuilder url = new StringBuilder(section.path().length() + slug.length() + 16).append('/').append(section.path()).append('/');
        int year = d.getYear();
        if (year < 1000) {
            url.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        url.append(year).append('/');
        twoDigits(url, d.getMonthValue()).append('/');
        twoDigits(url, d.getDayOfMonth()).append('/');
        return url.append(slug).append('/').toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int n) {
        return (n < 10 ? out.append('0') : out).append(n);
    }

    public ZoneId zone() {
        return zone;
    }
}
