package org.broadsheet.article;

import org.broadsheet.FreshSite;
import org.broadsheet.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cached article page is answered before Javalin runs, byte for byte as Javalin answered it, and still dropped on a change. */
@ExtendWith(FreshSite.class)
class CachedArticlePageTest {

    @Test
    void theSecondRequestIsAFastHitWithTheSameBytesAndValidators(TestApp site) {
        Section world = site.articles().createSection(null, "world", "World", "", 0);
        Article article = TestArticles.publish(site.articles(),
                TestArticles.published(world, "Bridge reopens after repairs", TestApp.NOW.minus(Duration.ofHours(2)), List.of("Ana Ruiz"), List.of("Transport")));
        String url = site.articles().url(article);
        // An article without a related list gets one in the background when first asked, and its cached page
        // is then dropped: ask for it (without rendering the page) and let that happen first.
        site.awaitBackgroundWork();
        site.app().search().related().relatedTo(article.id());
        site.awaitBackgroundWork();

        HttpResponse<byte[]> first = site.getBytes(url);
        HttpResponse<byte[]> second = site.getBytes(url);

        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(second.headers().firstValue("Cache-Control").orElseThrow()).contains("s-maxage=");
        assertThat(site.get("/metrics").body()).contains("broadsheet_pages_fast_hits_total 1.0");
    }
}
