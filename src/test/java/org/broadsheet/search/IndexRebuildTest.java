package org.broadsheet.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing, damaged or half-rebuilt index is rebuilt at start, and the reindex command rebuilds it too. */
class IndexRebuildTest {

    @TempDir
    Path dir;

    private void publishAndStop() {
        try (SearchFixture site = SearchFixture.start(dir, false)) {
            site.app.articles().createSection(null, "world", "World", "", 1);
            site.publish("world", "Glaciers of Frostmere retreat", "Ice lost.", SearchFixture.NOW.minusSeconds(60));
            site.await(() -> !site.headlines("/search?q=Frostmere").isEmpty(), "the article is indexed");
        }
    }

    private void assertFoundAfterRestart() {
        try (SearchFixture site = SearchFixture.start(dir, false)) {
            assertThat(site.headlines("/search?q=Frostmere")).containsExactly("Glaciers of Frostmere retreat");
        }
    }

    @Test
    void aCorruptIndexIsRebuiltAtStart() throws IOException {
        publishAndStop();
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(f, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        assertFoundAfterRestart();
    }

    @Test
    void aMissingIndexIsRebuiltAtStart() throws IOException {
        publishAndStop();
        try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertFoundAfterRestart();
    }

    @Test
    void aRebuildCutShortIsRedoneAtStart() throws IOException {
        publishAndStop();
        Files.writeString(dir.resolve("index").resolve(LuceneSearchIndex.MARKER), "interrupted");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            assertThat(index.needsRebuild()).isTrue();
        }
        assertFoundAfterRestart();
        assertThat(dir.resolve("index").resolve(LuceneSearchIndex.MARKER)).doesNotExist();
    }

    @Test
    void whileTheIndexIsRebuiltSearchSaysSoInsteadOfFailing() {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("fresh-index"))) {
            assertThat(index.needsRebuild()).isTrue();
            assertThat(index.search(new SearchQuery("anything", java.util.List.of(), null, null,
                    SearchQuery.Order.RELEVANCE, SearchFixture.NOW, 0, 10)).total()).isZero();
        }
    }

    @Test
    void theReindexCommandRebuildsFromTheDatabaseWithAProgressBar() throws IOException {
        publishAndStop();
        try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        var out = new java.io.StringWriter();
        var cli = org.broadsheet.MainAccess.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        int code = cli.execute("reindex", "--data", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("100%").contains("Indexed 1 articles");
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.size()).isEqualTo(1);
        }
    }
}
