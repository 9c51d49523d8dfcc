package org.broadsheet.web;

import org.broadsheet.FreshSite;
import org.broadsheet.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What every deployment relies on: the health check, fingerprinted assets, and an empty site that still works. */
@ExtendWith(FreshSite.class)
class ServingTest {

    @Test
    void healthCheckAnswersOkAndIsNeverCached(TestApp site) {
        HttpResponse<String> response = site.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theStylesheetHasAFingerprintedNameAndIsCachedForAYear(TestApp site) {
        String href = site.parse(site.get("/")).select("link[rel=stylesheet]").attr("href");

        HttpResponse<String> response = site.get(href);

        assertThat(href).matches("/assets/site\\.[0-9a-f]{12}\\.css");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(response.body()).isNotBlank();
        assertThat(site.get("/assets/site.000000000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void theSiteHasARealIconLinkedFromEveryLayoutAndAnswersFaviconIco(TestApp site) {
        String icon = site.parse(site.get("/")).select("link[rel=icon]").attr("href");
        HttpResponse<byte[]> svg = site.getBytes(icon);
        HttpResponse<byte[]> ico = site.getBytes("/favicon.ico");
        HttpResponse<byte[]> again = TestApp.send(java.net.http.HttpClient.newHttpClient(), java.net.http.HttpRequest.newBuilder(
                site.uri("/favicon.ico")).header("If-None-Match", ico.headers().firstValue("ETag").orElseThrow()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon).matches("/assets/favicon\\.[0-9a-f]{12}\\.svg");
        assertThat(site.parse(site.get("/newsroom/sign-in")).select("link[rel=icon]").attr("href")).isEqualTo(icon);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("<svg");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(ico.headers().firstValue("Cache-Control")).hasValue("public, max-age=2592000");
        // an ICO directory: reserved 0, type 1 (icon), then the number of images (16, 32 and 48 px)
        assertThat(java.util.Arrays.copyOf(ico.body(), 6)).containsExactly(0, 0, 1, 0, 3, 0);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void anEmptySiteSaysSoInsteadOfFailing(TestApp site) {
        HttpResponse<String> response = site.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(site.parse(response).select("main .empty").text()).isEqualTo("No articles have been published yet.");
    }
}
