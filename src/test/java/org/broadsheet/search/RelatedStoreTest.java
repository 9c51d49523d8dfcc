package org.broadsheet.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.broadsheet.storage.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The related-posts store (migration V5) on both databases: same SQL, same answers. */
class RelatedStoreTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private static String url(String dialect) {
        return dialect.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("related.db")
                : postgres.getJdbcUrl("postgres", "postgres");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void listsAreReplacedInOrderAndDeletedWithTheirArticle(String dialect) {
        Database db = Database.open(url(dialect));
        try {
            List<Long> ids = db.jdbi().withHandle(h -> {
                long section = h.createQuery("INSERT INTO sections (slug, path, name) VALUES ('s', 's', 'S') RETURNING id")
                        .mapTo(Long.class).one();
                return List.of(1, 2, 3, 4).stream().map(n -> h.createQuery("""
                                INSERT INTO articles (section_id, slug, headline, standfirst, body_markdown, body_html, status,
                                created_at, published_at, updated_at, version)
                                VALUES (:s, :slug, 'H', '', '', '', 'published', 0, 0, 0, 1) RETURNING id""")
                        .bind("s", section).bind("slug", "a" + n).mapTo(Long.class).one()).toList();
            });
            var articles = new org.broadsheet.article.ArticleService(db.jdbi(),
                    org.broadsheet.article.ArticleService.sectionDirectory(db.jdbi()), new org.broadsheet.article.ArticleUrls(
                    java.time.ZoneOffset.UTC), java.time.Clock.systemUTC());
            assertThat(articles.publishedSummaries(List.of(ids.get(2), ids.get(0)))).extracting(s -> s.id())
                    .as("related lists are served through this query").containsExactly(ids.get(2), ids.get(0));
            RelatedStore store = new RelatedStore(db.jdbi());
            store.replace(Map.of(ids.get(0), new long[]{ids.get(2), ids.get(1)}, ids.get(1), new long[]{ids.get(0)}), Instant.EPOCH);
            store.replace(Map.of(ids.get(0), new long[]{ids.get(3), ids.get(2), ids.get(1)}), Instant.EPOCH);
            assertThat(store.load(ids.get(0)).orElseThrow().ids()).containsExactly(ids.get(3), ids.get(2), ids.get(1));
            assertThat(store.load(ids.get(1)).orElseThrow().ids()).containsExactly(ids.get(0));

            db.jdbi().useHandle(h -> h.execute("DELETE FROM articles WHERE id = ?", ids.get(3)));
            assertThat(store.load(ids.get(0)).orElseThrow().ids()).containsExactly(ids.get(2), ids.get(1));
            store.delete(ids.get(1));
            assertThat(store.load(ids.get(1))).isEmpty();
        } finally {
            db.close();
        }
    }
}
