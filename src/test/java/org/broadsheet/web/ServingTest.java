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
    void anEmptySiteSaysSoInsteadOfFailing(TestApp site) {
        HttpResponse<String> response = site.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(site.parse(response).select("main .empty").text()).isEqualTo("No articles have been published yet.");
    }
}
