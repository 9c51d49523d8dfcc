package org.broadsheet.web;

import org.broadsheet.FreshSite;
import org.broadsheet.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11.6: a form with hundreds of thousands of fields is refused before anything decodes it. */
@ExtendWith(FreshSite.class)
class FormLimitsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(TestApp site, String path, int fields) {
        String body = "article=1&" + IntStream.range(1, fields).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        return TestApp.send(http, TestApp.formPost(site.uri(path), body, site.uri("/").toString().replaceAll("/$", "")),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommentFormWithTooManyFieldsIsRefusedWithAMessage(TestApp site) {
        HttpResponse<String> r = post(site, "/comments", 200_000);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("This form has more than 1000 fields, so it was refused.");
    }

    @Test
    void aNewsroomFormWithTooManyFieldsIsRefusedBeforeTheCsrfCheckDecodesIt(TestApp site) {
        HttpResponse<String> r = post(site, "/newsroom/sign-in", 200_000);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("more than 1000 fields");
    }

    @Test
    void aFormAtTheLimitIsStillReadAsUsual(TestApp site) {
        HttpResponse<String> r = post(site, "/comments", FormLimits.MAX_FIELDS);
        assertThat(r.body()).doesNotContain("fields, so it was refused");
    }
}
