package org.broadsheet.feed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our feeds obey the W3C feed validator's rules (as modelled, and calibrated, in {@link ValidatorRules}):
 * required elements, a self link naming the feed's own address, absolute URLs, RFC 822 and RFC 3339 dates,
 * unique ids and guids, valid tag URIs, enclosures with URL, length and type, bylines that do not clash
 * with RSS's e-mail-only author, an author for every Atom entry.
 */
class FeedValidityTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    @TempDir
    static Path dir;
    private static FeedFixture f;

    @BeforeAll
    static void start() {
        f = new FeedFixture(dir);
        for (int i = 0; i < 3; i++) {
            f.publish(f.science, "Comet seen " + i, FeedFixture.NOW.minus(Duration.ofHours(10 - i)),
                    List.of("Ada Lovelace", "Alan Turing"), List.of("Space", "Comets <& tails>"), true);
            f.publish(f.news, "Election held " + i, FeedFixture.NOW.minus(Duration.ofHours(5 - i)), List.of(), List.of("Politics"), false);
        }
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed.xml", "/news/feed.xml", "/news/science/feed.xml", "/tag/space/feed.xml", "/author/ada-lovelace/feed.xml"})
    void rssFeedsFollowTheValidatorsRules(String path) throws Exception {
        Element channel = single(parse(path).getDocumentElement(), null, "channel");
        assertThat(channel.getParentNode().getNodeName()).isEqualTo("rss");
        assertThat(((Element) channel.getParentNode()).getAttribute("version")).isEqualTo("2.0");
        for (String required : List.of("title", "link", "description")) {
            assertThat(single(channel, null, required).getTextContent()).as(required).isNotBlank();
        }
        assertThat(ValidatorRules.isAbsoluteHttpUrl(text(channel, null, "link"))).isTrue();
        Element self = single(channel, ATOM, "link");
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("http://localhost:8080" + path);
        assertThat(self.getAttribute("type")).isEqualTo("application/rss+xml");
        for (String date : List.of("pubDate", "lastBuildDate")) {
            assertThat(ValidatorRules.isRfc822(text(channel, null, date))).as(date).isTrue();
        }
        List<Element> items = children(channel, null, "item");
        assertThat(items).isNotEmpty();
        Set<String> guids = new HashSet<>();
        for (Element item : items) {
            for (String one : List.of("title", "link", "description", "pubDate", "guid")) {
                single(item, null, one);
            }
            assertThat(children(item, null, "author")).as("RSS author must be an e-mail; bylines go in dc:creator").isEmpty();
            assertThat(ValidatorRules.isAbsoluteHttpUrl(text(item, null, "link"))).isTrue();
            assertThat(ValidatorRules.isRfc822(text(item, null, "pubDate"))).isTrue();
            Element guid = single(item, null, "guid");
            assertThat(guids.add(guid.getTextContent())).as("unique guid").isTrue();
            assertThat(guid.getAttribute("isPermaLink")).isIn("", "true");
            assertThat(ValidatorRules.isAbsoluteHttpUrl(guid.getTextContent())).isTrue();
            for (Element category : children(item, null, "category")) {
                assertThat(category.getTextContent()).isNotBlank();
            }
            for (Element enclosure : children(item, null, "enclosure")) {
                assertThat(ValidatorRules.isAbsoluteHttpUrl(enclosure.getAttribute("url"))).isTrue();
                assertThat(enclosure.getAttribute("length")).matches("\\d+");
                assertThat(ValidatorRules.isMimeType(enclosure.getAttribute("type"))).isTrue();
            }
            for (Element creator : children(item, DC, "creator")) {
                assertThat(creator.getTextContent()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/atom.xml", "/news/atom.xml", "/news/science/atom.xml", "/tag/space/atom.xml", "/author/ada-lovelace/atom.xml"})
    void atomFeedsFollowTheValidatorsRules(String path) throws Exception {
        Element feed = parse(path).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(ValidatorRules.isAbsoluteHttpUrl(text(feed, ATOM, "id"))).isTrue();
        assertThat(text(feed, ATOM, "title")).isNotBlank();
        assertThat(ValidatorRules.isRfc3339(text(feed, ATOM, "updated"))).isTrue();
        List<Element> links = children(feed, ATOM, "link");
        assertThat(links).anySatisfy(l -> {
            assertThat(l.getAttribute("rel")).isEqualTo("self");
            assertThat(l.getAttribute("href")).isEqualTo("http://localhost:8080" + path);
        });
        assertNoDuplicateLinks(links);
        boolean feedHasAuthor = !children(feed, ATOM, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        List<Element> entries = children(feed, ATOM, "entry");
        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            String id = text(entry, ATOM, "id");
            assertThat(ids.add(id)).as("unique id").isTrue();
            assertThat(ValidatorRules.isTagUri(id)).as(id).isTrue();
            assertThat(text(entry, ATOM, "title")).isNotBlank();
            assertThat(ValidatorRules.isRfc3339(text(entry, ATOM, "updated"))).isTrue();
            assertThat(ValidatorRules.isRfc3339(text(entry, ATOM, "published"))).isTrue();
            assertThat(feedHasAuthor || !children(entry, ATOM, "author").isEmpty()).as("MissingAuthor").isTrue();
            List<Element> entryLinks = children(entry, ATOM, "link");
            assertNoDuplicateLinks(entryLinks);
            for (Element link : entryLinks) {
                assertThat(ValidatorRules.isAbsoluteHttpUrl(link.getAttribute("href"))).isTrue();
                assertThat(ValidatorRules.isMimeType(link.getAttribute("type"))).isTrue();
                if ("enclosure".equals(link.getAttribute("rel"))) {
                    assertThat(link.getAttribute("length")).matches("\\d+");
                }
            }
            assertThat(entryLinks).anyMatch(l -> "alternate".equals(l.getAttribute("rel")));
            assertThat(single(entry, ATOM, "content").getAttribute("type")).isEqualTo("html");
            assertThat(single(entry, ATOM, "summary").getAttribute("type")).isEqualTo("text");
            for (Element author : children(entry, ATOM, "author")) {
                assertThat(text(author, ATOM, "name")).isNotBlank();
                assertThat(ValidatorRules.isAbsoluteHttpUrl(text(author, ATOM, "uri"))).isTrue();
            }
        }
    }

    /** The validator's DuplicateAtomLink: two links with the same rel, type and hreflang. */
    private static void assertNoDuplicateLinks(List<Element> links) {
        Set<String> seen = new HashSet<>();
        for (Element l : links) {
            String rel = l.getAttribute("rel").isEmpty() ? "alternate" : l.getAttribute("rel");
            if (!"enclosure".equals(rel)) {
                assertThat(seen.add(rel + " " + l.getAttribute("type") + " " + l.getAttribute("hreflang"))).as("DuplicateAtomLink").isTrue();
            }
        }
    }

    private static Document parse(String path) throws Exception {
        return f.xml(path);
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName()) && java.util.Objects.equals(ns, e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element single(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertThat(found).as("exactly one %s in %s", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String ns, String name) {
        return single(parent, ns, name).getTextContent();
    }
}
