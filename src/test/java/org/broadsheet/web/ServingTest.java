package org.broadsheet.web;

import org.broadsheet.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What every deployment relies on: the health check, fingerprinted assets, and an empty site that still works. */
class ServingTest {

    @TempDir
    Path dataDir;

    private TestApp site;

    @BeforeEach
    void start() {
        site = TestApp.in(dataDir).start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void healthCheckAnswersOkAndIsNeverCached() {
        HttpResponse<String> response = site.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theStylesheetHasAFingerprintedNameAndIsCachedForAYear() {
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
    void anEmptySiteSaysSoInsteadOfFailing() {
        HttpResponse<String> response = site.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(site.parse(response).select("main .empty").text()).isEqualTo("No articles have been published yet.");
    }
}
