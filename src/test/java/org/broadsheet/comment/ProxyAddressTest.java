package org.broadsheet.comment;

import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.broadsheet.web.ClientAddress;
import org.broadsheet.web.ForwardedRequest;
import org.broadsheet.web.RequestFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind reverse proxies every request comes from the proxy: with {@code --proxy-hops} the reader's own
 * address is used for comments (stored address, flood control) as it is for view counting; without it the
 * header a client may forge is ignored.
 */
class ProxyAddressTest {

    @TempDir
    Path dir;
    CommentFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private HttpResponse<String> postVia(Map<String, String> form, String forwardedFor) {
        return f.send(HttpRequest.newBuilder(URI.create(f.base() + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", f.base())
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(CommentFixture.encode(form))).build());
    }

    private String storedAddress(HttpResponse<String> posted) {
        return f.app.comments().service().find(CommentFixture.commentId(posted)).orElseThrow().address();
    }

    @Test
    void behindATrustedProxyEachReaderIsTheirOwnAddress() {
        f = new CommentFixture(Settings.forTest(dir, null).withRanking(RankingSettings.DEFAULTS.withProxyHops(1)),
                CommentFixture.settings());
        long a = f.article("Through the proxy");
        HttpResponse<String> rita = postVia(f.form(a, "First reader here.", "Rita", "rita@example.org"), "198.51.100.7");
        // a client-written entry left of the proxy's own is not believed
        HttpResponse<String> sam = postVia(f.form(a, "Second reader here.", "Sam", "sam@example.org"), "10.6.6.6, 203.0.113.9");
        assertThat(rita.statusCode()).isEqualTo(303);
        assertThat(sam.statusCode()).as("two readers behind one proxy are not one flooding address").isEqualTo(303);
        assertThat(storedAddress(rita)).isEqualTo("198.51.100.7");
        assertThat(storedAddress(sam)).isEqualTo("203.0.113.9");
        HttpResponse<String> ritaAgain = postVia(f.form(a, "Another thought.", "Rita R.", "rita.r@example.org"), "198.51.100.7");
        assertThat(ritaAgain.statusCode()).as("the same reader within the flood interval").isEqualTo(429);
    }

    @Test
    void withoutProxyHopsTheForwardedHeaderIsIgnored() {
        f = new CommentFixture(dir, CommentFixture.settings());
        long a = f.article("Direct");
        HttpResponse<String> posted = postVia(f.form(a, "Hello.", "Rita", "rita@example.org"), "198.51.100.7");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(storedAddress(posted)).isEqualTo("127.0.0.1");
    }

    @Test
    void theProxysEntryIsTheHopsThFromTheRight() {
        assertThat(ClientAddress.of(facts("127.0.0.1", "1.1.1.1, 2.2.2.2, 3.3.3.3"), 2)).isEqualTo("2.2.2.2");
        assertThat(ClientAddress.of(facts("127.0.0.1", "3.3.3.3"), 2)).isEqualTo("3.3.3.3");
        assertThat(ClientAddress.of(facts("127.0.0.1", " "), 1)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of(facts("127.0.0.1", "1.1.1.1,"), 1)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of(facts("127.0.0.1", null), 1)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of(facts("127.0.0.1", "9.9.9.9"), 0)).isEqualTo("127.0.0.1");
    }

    private static RequestFacts facts(String remote, String forwardedFor) {
        return new ForwardedRequest(remote, forwardedFor);
    }
}
