package org.broadsheet.web;

import org.broadsheet.App;
import org.broadsheet.TestApp;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} is for this machine only. Behind proxies the forwarded entries decide too, and only real
 * loopback literals count: shorthand, integer and host-name forms, blanks and junk never open it, and
 * nothing in the header is resolved.
 */
class MetricsAccessTest {

    @TempDir
    Path dir;
    App app;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private int metricsVia(String forwardedFor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/metrics"));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return TestApp.send(http, b.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void behindAProxyOnlyRealLoopbackLiteralsOpenMetrics() {
        app = App.start(Settings.forTest(dir, null).withRanking(RankingSettings.DEFAULTS.withProxyHops(1)),
                Clock.fixed(TestApp.NOW, ZoneOffset.UTC));
        assertThat(metricsVia("127.0.0.1")).isEqualTo(200);
        assertThat(metricsVia("203.0.113.9, ::1")).as("only the proxy's own entry is examined").isEqualTo(200);
        assertThat(metricsVia(null)).as("a request made on this machine, past the proxy").isEqualTo(200);
        for (String forged : new String[] {"127.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.000.000.001", "localhost",
                "localhost.localdomain", "", " ", "203.0.113.9,", "203.0.113.9, ", "[::1]", "::1%lo", "127.0.0.1:80", "127.0.0.1 x"}) {
            assertThat(metricsVia(forged)).as("X-Forwarded-For: '%s'", forged).isEqualTo(403);
        }
        assertThat(metricsVia("198.51.100.4")).isEqualTo(403);
    }

    @Test
    void withTwoHopsBothEntriesMustBeLoopback() {
        RequestFacts outside = facts("127.0.0.1", "127.0.0.1, 198.51.100.4, 127.0.0.1");
        RequestFacts inside = facts("127.0.0.1", "198.51.100.4, 127.0.0.1, 127.0.0.2");
        assertThat(ClientAddress.isLocal(outside, 2)).isFalse();
        assertThat(ClientAddress.isLocal(inside, 2)).isTrue();
        assertThat(ClientAddress.isLocal(facts("198.51.100.4", "127.0.0.1"), 1)).as("the socket peer must be local").isFalse();
        assertThat(ClientAddress.isLocal(facts("[0:0:0:0:0:0:0:1]", null), 0)).isTrue();
    }

    @Test
    void aForwardedEntryIsBelievedOnlyWhenItIsAnAddressLiteral() {
        assertThat(ClientAddress.of(facts("10.0.0.1", "198.51.100.7"), 1)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(facts("10.0.0.1", "2001:db8::7"), 1)).isEqualTo("2001:db8::7");
        assertThat(ClientAddress.of(facts("10.0.0.1", "attacker.example"), 1)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of(facts("10.0.0.1", "127.1"), 1)).isEqualTo("10.0.0.1");
    }

    @Test
    void literalsAreParsedStrictly() {
        for (String ok : new String[] {"0.0.0.0", "255.255.255.255", "::", "::1", "1::", "2001:db8::1", "fe80:0:0:0:0:0:0:1",
                "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7::", "ABCD::ef"}) {
            assertThat(IpLiteral.parse(ok)).as(ok).isPresent();
        }
        for (String bad : new String[] {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "+1.2.3.4", "١.2.3.4",
                "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "12345::", "g::1", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "", null}) {
            assertThat(IpLiteral.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(IpLiteral.isLoopback("127.255.0.9")).isTrue();
        assertThat(IpLiteral.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(IpLiteral.isLoopback("::ffff:127.0.0.1")).isTrue();
        assertThat(IpLiteral.isLoopback("::2")).isFalse();
        assertThat(IpLiteral.isLoopback("::ffff:128.0.0.1")).isFalse();
        assertThat(IpLiteral.isLoopback("126.0.0.1")).isFalse();
    }

    private static RequestFacts facts(String remote, String forwardedFor) {
        return new ForwardedRequest(remote, forwardedFor);
    }
}
