package org.broadsheet.ranking;

import org.broadsheet.storage.Database;
import org.broadsheet.storage.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The view tables on both engines: additive UPSERTs, window sums and the roll-up into days. */
class ViewStoreTest {

    private static final long HOUR = HourlyCount.HOUR_MILLIS;
    private static final long DAY = 24 * HOUR;

    @TempDir
    Path dir;

    private Database open(String engine) {
        if (engine.equals("sqlite")) {
            return Database.open("jdbc:sqlite:" + dir.resolve("views.db"));
        }
        return Database.open(TestPostgres.freshDatabaseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void countsAddUpInHoursAndTotals(String engine) {
        try (Database db = open(engine)) {
            ViewStore store = new ViewStore(db.jdbi());
            long hour = HourlyCount.hourOf(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());
            store.add(List.of(new HourlyCount(1, hour, 3), new HourlyCount(1, hour + 1, 2), new HourlyCount(2, hour, 1)));
            store.add(List.of(new HourlyCount(1, hour, 4)));
            assertThat(store.total(1)).isEqualTo(9);
            assertThat(store.total(2)).isEqualTo(1);
            assertThat(store.hourlyViews(1)).containsExactly(new HourlyCount(1, hour, 7), new HourlyCount(1, hour + 1, 2));

            Map<Long, long[]> sums = store.sumsSince(new long[]{hour + 1, hour});
            assertThat(sums.get(1L)).containsExactly(2, 9);
            assertThat(sums.get(2L)).containsExactly(0, 1);
            assertThat(store.hoursSince(hour + 1)).containsExactly(new HourlyCount(1, hour + 1, 2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void hoursOlderThanNinetyDaysRollIntoDaysKeepingEveryView(String engine) {
        try (Database db = open(engine)) {
            ViewStore store = new ViewStore(db.jdbi());
            long now = Instant.parse("2026-11-20T10:30:00Z").toEpochMilli();
            long oldDay = Math.floorDiv(now - 95 * DAY, DAY) * DAY;
            long oldHour = oldDay / HOUR;
            long recentHour = HourlyCount.hourOf(now - 89 * DAY);
            store.add(List.of(new HourlyCount(7, oldHour + 1, 5), new HourlyCount(7, oldHour + 23, 6),
                    new HourlyCount(7, oldHour + 24, 1), new HourlyCount(7, recentHour, 2)));

            int rolled = new ViewRollup(store).run(now);

            assertThat(rolled).isEqualTo(3);
            assertThat(store.dailyViews(7)).containsEntry(oldDay, 11L).containsEntry(oldDay + DAY, 1L).hasSize(2);
            assertThat(store.hourlyViews(7)).containsExactly(new HourlyCount(7, recentHour, 2));
            assertThat(store.total(7)).isEqualTo(14);
            assertThat(new ViewRollup(store).run(now)).as("nothing left to roll").isZero();
        }
    }
}
