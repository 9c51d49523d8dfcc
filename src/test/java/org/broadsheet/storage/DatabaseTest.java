package org.broadsheet.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(TestStore.class)
class DatabaseTest {

    private static final List<String> TABLES = List.of("sections", "authors", "tags", "media", "articles",
            "article_authors", "article_tags", "site_settings");

    @Parameter
    TestStore store;

    @TempDir
    Path tempDir;

    @Test
    void migrationsCreateEveryTableOnAnEmptyDatabase() {
        try (Database db = Database.open(store.freshUrl(tempDir))) {
            assertThat(db.dialect().name()).isEqualTo(store.name());
            List<String> applied = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank").mapTo(String.class).list());
            assertThat(applied).startsWith("1");
            for (String table : TABLES) {
                int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
                assertThat(rows).as(table).isZero();
            }
        }
    }

    @Test
    void reopeningAMigratedDatabaseAppliesNothingTwice() {
        String url = store.freshUrl(tempDir);
        try (Database first = Database.open(url)) {
            first.jdbi().useHandle(h -> h.execute("INSERT INTO site_settings (name, value) VALUES ('kept', 'yes')"));
        }
        try (Database second = Database.open(url)) {
            int migrations = second.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'")
                    .mapTo(Integer.class).one());
            String kept = second.jdbi().withHandle(h -> h.createQuery("SELECT value FROM site_settings WHERE name = 'kept'")
                    .mapTo(String.class).one());
            assertThat(migrations).isEqualTo(1);
            assertThat(kept).isEqualTo("yes");
        }
    }

    @Test
    void theSkipOnACurrentStoreKnowsTheNewestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration", store.name().toLowerCase()))) {
            int newest = files.map(f -> f.getFileName().toString())
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max(Integer::compare).orElseThrow();
            assertThat(Database.LATEST_MIGRATION).as("Database.LATEST_MIGRATION").isEqualTo(newest);
        }
        try (Database db = Database.open(store.freshUrl(tempDir))) {
            int applied = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success").mapTo(Integer.class).one());
            assertThat(applied).isEqualTo(Database.LATEST_MIGRATION);
        }
    }
}
