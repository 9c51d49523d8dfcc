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
        return String.format("/%s/%04d/%02d/%02d/%s/", section.path(), d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }

    public ZoneId zone() {
        return zone;
    }
}
