package org.broadsheet.search;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No text a reader can send, in any parameter, makes the search page fail: over real HTTP. */
class SearchNeverFailsPropertyTest {

    private static Path dir;
    private static SearchFixture site;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("search-property");
        site = SearchFixture.start(dir, true);
    }

    @AfterContainer
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Property(tries = 200)
    void anyQueryGivesAPage(@ForAll("nasty") String q) {
        var r = site.get("/search?q=" + encode(q));
        assertThat(r.statusCode()).as("q=%s", q).isLessThan(500);
        assertThat(r.body()).contains("</html>");
    }

    @Property(tries = 100)
    void anyFilterValueGivesAPageOrAClearRefusal(@ForAll("nasty") String value, @ForAll("params") String param) {
        var r = site.get("/search?q=fire&" + param + "=" + encode(value));
        assertThat(r.statusCode()).as("%s=%s", param, value).isIn(200, 400);
    }

    @Example
    void hugeQueriesSyntaxAndBrokenUnicodeGiveAPage() {
        List<String> cases = List.of("a".repeat(10_000), "fire ".repeat(2_000), "\"unbalanced quote", "((((", "a* b* c* d* e*",
                "*", "?", "\\", "-", "+-|\"*~()", "AND OR NOT", "title:fire", "fire~2", "[a TO z]", "\uD800", "\uDFFFfire\uD800",
                "😀🔥 fire", "\u0000\u0001\u001f", "%", "&lt;script&gt;", "<script>alert(1)</script>", "ﷺ ﷽ 𝕏", "ア".repeat(3_000));
        for (String q : cases) {
            var r = site.get("/search?q=" + encode(q) + "&section=" + encode(q) + "&page=" + encode(q));
            assertThat(r.statusCode()).as("q=%s", q.length() > 40 ? q.substring(0, 40) : q).isLessThan(500);
            var plain = site.get("/search?q=" + encode(q));
            assertThat(plain.statusCode()).as("q=%s", q.length() > 40 ? q.substring(0, 40) : q).isEqualTo(200);
        }
    }

    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<String> syntax = Arbitraries.strings().withChars("\"*?~^()[]{}:+-|&!\\/ AORNDT").ofMaxLength(40);
        Arbitrary<String> anyUnicode = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> long_ = Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(10_000);
        Arbitrary<String> words = Arbitraries.of("fire", "election", "\"escape room\"", "Magnito*", "Pelosi", "-fire", "a|b")
                .list().ofMaxSize(6).map(l -> String.join(" ", l));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, syntax), net.jqwik.api.Tuple.of(4, anyUnicode),
                net.jqwik.api.Tuple.of(1, long_), net.jqwik.api.Tuple.of(2, words));
    }

    @Provide
    Arbitrary<String> params() {
        return Arbitraries.of("section", "from", "to", "page", "sort", "q");
    }

    /**
     * Percent-encodes every UTF-16 unit, so that unpaired surrogates reach the server as the broken
     * byte sequences a careless client would send, rather than being replaced on our side.
     */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[]{(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

}
