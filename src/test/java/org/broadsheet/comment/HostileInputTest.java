package org.broadsheet.comment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every string of the Big List of Naughty Strings (blns, MIT licence, src/test/resources/comment) plus XSS
 * polyglots, in every field: each is refused with a message, or shown inert — the rendered article page,
 * comments pages and moderation queue gain no element or attribute the normal structure does not have.
 */
class HostileInputTest {

    static final List<String> POLYGLOTS = List.of(
            "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
            "\"><img src=x onerror=alert(1)>",
            "'\"><svg/onload=alert(document.domain)>",
            "</textarea><script>alert(1)</script>",
            "https://example.org/\"onmouseover=\"alert(1)",
            "http://x.example/<script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "{{7*7}}${7*7}<%= 7*7 %>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "\u202Egnp.exe <b dir=rtl>x</b>",
            "https://a.example/?q=<x>&r=\"y\"");

    @TempDir
    Path dir;

    @Test
    void hostileInputsAreRefusedOrShownInertEverywhere() throws IOException {
        List<String> corpus = new ArrayList<>(load());
        corpus.addAll(POLYGLOTS);
        assertThat(corpus.size()).isGreaterThanOrEqualTo(200);
        CommentSettings settings = CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL)
                .withTiming(Duration.ZERO, Duration.ZERO, 14).withThreading(5, 10_000);
        try (CommentFixture f = new CommentFixture(dir, settings)) {
            long baselineArticle = f.article("Baseline");
            Map<String, String> normal = f.form(baselineArticle, "Normal text with https://example.org/ link", "Norma", "norma@example.org");
            normal.put("url", "https://norma.example/");
            assertThat(f.post(normal).statusCode()).isEqualTo(303);
            Map<String, Set<String>> allowed = structure(f.page("/comments/on/" + baselineArticle));
            merge(allowed, structure(f.page(f.articleUrl(baselineArticle))));
            merge(allowed, structure(f.staffPage("/newsroom/comments?status=approved")));
            Document queueBaseline = f.staffPage("/newsroom/comments?status=approved");
            merge(allowed, structure(f.staffPage(queueBaseline.selectFirst(".actions a").attr("href"))));
            merge(allowed, structure(Jsoup.parse(f.post(f.form(baselineArticle, "", "", "")).body())));
            merge(allowed, structure(Jsoup.parse(f.post(f.form(baselineArticle, "x", "", "x@example.org")).body())));
            Map<String, String> trap = f.form(baselineArticle, "x", "y", "x@example.org");
            trap.put("homepage", "filled");
            merge(allowed, structure(Jsoup.parse(f.post(trap).body())));

            int accepted = 0;
            int refused = 0;
            for (String field : List.of("comment", "author", "email", "url")) {
                long article = f.article("Hostile " + field);
                String token = f.token(article);
                Map<Long, String> shown = new HashMap<>();
                int n = 0;
                for (String hostile : corpus) {
                    n++;
                    Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("article", Long.toString(article),
                            "parent", "0", "comment", "Hostile " + field + " " + n, "author", "Tester " + n,
                            "email", "t" + n + "@example.org", "url", "", "homepage", "", "token", token, "key", "", "js", ""));
                    form.put(field, hostile);
                    HttpResponse<String> r = f.post(form);
                    assertThat(r.statusCode()).as("%s in %s", hostile, field).isIn(303, 400);
                    if (r.statusCode() == 303) {
                        accepted++;
                        shown.put(CommentFixture.commentId(r), hostile);
                    } else {
                        refused++;
                        Document errorPage = Jsoup.parse(r.body());
                        assertThat(errorPage.select(".error-summary li, .error-page p").eachText()).as(hostile).isNotEmpty();
                        assertInert(allowed, errorPage, hostile);
                    }
                }
                Document page = f.page("/comments/on/" + article);
                assertInert(allowed, page, field);
                assertThat(page.select("li.comment")).hasSize(shown.size());
                for (var e : shown.entrySet()) {
                    Element li = page.getElementById("comment-" + e.getKey());
                    assertThat(li).as(e.getValue()).isNotNull();
                    String expected = StringUtil.normaliseWhitespace(Normalizer.normalize(e.getValue(), Normalizer.Form.NFC)).strip();
                    if (field.equals("comment")) {
                        assertThat(StringUtil.normaliseWhitespace(li.selectFirst(".comment-text").text()).strip()).isEqualTo(expected);
                    } else if (field.equals("author")) {
                        assertThat(StringUtil.normaliseWhitespace(li.selectFirst(".comment-author").text()).strip()).isEqualTo(expected);
                    }
                }
                assertInert(allowed, f.page(f.articleUrl(article)), field);
                for (long id : shown.keySet()) {
                    assertInert(allowed, f.staffPage("/newsroom/comments/" + id), field + " edit page");
                }
                for (int p = 1; ; p++) {
                    Document queue = f.staffPage("/newsroom/comments?status=approved&article=" + article + "&page=" + p);
                    assertInert(allowed, queue, field + " queue");
                    if (queue.select("a[rel=next]").isEmpty()) {
                        break;
                    }
                }
            }
            System.out.printf("hostile inputs: %d strings x 4 fields = %d posts, %d shown inert, %d refused with a message%n",
                    corpus.size(), corpus.size() * 4, accepted, refused);
            assertThat(accepted).isGreaterThan(200);
            assertThat(refused).isGreaterThan(0);
        }
    }

    private static List<String> load() throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/comment/blns.json")) {
            return List.of(new ObjectMapper().readValue(in, String[].class));
        }
    }

    /** Tag name → the attribute names seen on it (plus the tag itself as "<tag>"). */
    private static Map<String, Set<String>> structure(Document doc) {
        Map<String, Set<String>> s = new HashMap<>();
        for (Element e : doc.getAllElements()) {
            Set<String> attrs = s.computeIfAbsent(e.tagName(), k -> new HashSet<>());
            for (Attribute a : e.attributes()) {
                attrs.add(a.getKey());
            }
        }
        return s;
    }

    private static void merge(Map<String, Set<String>> into, Map<String, Set<String>> more) {
        more.forEach((k, v) -> into.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
    }

    private static void assertInert(Map<String, Set<String>> allowed, Document doc, String what) {
        for (Element e : doc.getAllElements()) {
            assertThat(allowed).as("element <%s> from %s", e.tagName(), what).containsKey(e.tagName());
            for (Attribute a : e.attributes()) {
                assertThat(allowed.get(e.tagName())).as("attribute %s on <%s> from %s", a.getKey(), e.tagName(), what).contains(a.getKey());
            }
            if (e.hasAttr("href")) {
                assertThat(e.attr("href")).as("href from %s", what).matches("(?s)(https?://|/|#).*");
            }
        }
        for (Element text : doc.select(".comment-text")) {
            for (Element inner : text.select("*")) {
                assertThat(inner.tagName()).as(what).isIn("div", "p", "br", "a");
            }
        }
        for (Element a : doc.select(".comment-text a, .comment-author a")) {
            assertThat(a.attributes().asList().stream().map(Attribute::getKey).toList()).containsExactlyInAnyOrder("href", "rel");
            assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener");
        }
    }
}
