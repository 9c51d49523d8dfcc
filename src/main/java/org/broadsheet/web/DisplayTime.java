package org.broadsheet.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as a page shows it: machine-readable for {@code <time datetime>} and a reader's label.
 */
public record DisplayTime(String iso, String date, String dateTime) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    public static DisplayTime of(Instant instant, ZoneId zone) {
        var zoned = instant.atZone(zone);
        return new DisplayTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zoned.withNano(0)), DATE.format(zoned),
                DATE_TIME.format(zoned));
    }
}
