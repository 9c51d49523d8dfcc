package org.broadsheet.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our reader-side assumptions hold for feeds from the wild: ROME, the library our own feeds are checked
 * with, reads the captured real-world feeds (Guardian, heise, Reddit, FeedBurner, podcasts, Atom blogs…)
 * from {@code ../shared/data/feeds/real-world} (skipped when that folder is absent).
 */
class RealWorldFeedsTest {

    private static final Path ROOT = Path.of("..", "shared", "data", "feeds", "real-world");

    @Test
    void aSampleOfRealWorldFeedsParsesWithRome() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "real-world feeds not found beside the repository");
        List<Path> sample;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sample = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(xml|rss|atom)$"))
                    .filter(RealWorldFeedsTest::isFeed)
                    .sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        int entries = 0;
        for (Path file : sample) {
            if (Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
                // ROME refuses document types (no external entities, no XXE): such feeds are rejected, safely.
                assertThatThrownBy(() -> new SyndFeedInput().build(new XmlReader(file.toFile())))
                        .hasMessageContaining("DOCTYPE");
                continue;
            }
            try (XmlReader reader = new XmlReader(file.toFile())) {
                SyndFeed feed = new SyndFeedInput().build(reader);
                assertThat(feed.getFeedType()).isNotBlank();
                entries += feed.getEntries().size();
                parsed++;
            } catch (Exception e) {
                failures.add(ROOT.relativize(file) + ": " + e.getMessage());
            }
        }
        assertThat(parsed).as("parsed feeds").isGreaterThanOrEqualTo(30);
        assertThat(failures).as("feeds ROME could not read").isEmpty();
        assertThat(entries).as("entries read").isGreaterThan(parsed);
    }

    /** Files whose root element is a feed's; fixtures of other formats (OPML, HTML, JSON) are left out. */
    private static boolean isFeed(Path file) {
        try {
            String head = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            head = head.substring(0, Math.min(head.length(), 4000));
            return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
        } catch (IOException e) {
            return false;
        }
    }
}
