package org.broadsheet.article;

import org.broadsheet.StaffClient;
import org.broadsheet.TestApp;
import org.broadsheet.account.AccountService;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.TestImages;
import org.broadsheet.web.RenderedPages;
import org.broadsheet.web.Role;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public site over real HTTP, on a SQLite file loaded with the Wikinews demo content. */
class PublicPagesTest {

    private static final String MAGNITOGORSK = "/world/europe/2019/01/04/magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead/";
    private static final String PHOTO_CAPTION = "Rescuers search the rubble on the second day";
    private static final String PHOTO_CREDIT = "Jane Roe/Example Agency";

    @TempDir
    static Path dataDir;

    private static TestApp site;
    private static String photoArticleUrl;

    @BeforeAll
    static void startWithDemoContentAndAPhotoStory() {
        site = TestApp.in(dataDir).withDemo().start();
        Section europe = site.articles().sections().byPath("world/europe").orElseThrow();
        MediaLibrary.StoredImage photo = site.media().store(TestImages.png(1200, 675));
        Article withPhoto = TestArticles.publish(site.articles(), TestArticles.withLeadImage(europe, "Rescue work ends in the city",
                Instant.parse("2022-01-03T09:30:00Z"), photo, "Rescuers in orange jackets on a heap of concrete", PHOTO_CAPTION,
                PHOTO_CREDIT));
        photoArticleUrl = site.articles().url(withPhoto);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void savesTheServedHtmlOfEveryPageTypeForTheValidator() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("section", "/world/");
        pages.put("subsection", "/world/europe/");
        pages.put("tag", "/tag/russia/");
        pages.put("author", "/author/wikinews-contributors/");
        pages.put("article", MAGNITOGORSK);
        pages.put("article-with-lead-image", photoArticleUrl);
        pages.put("not-found", "/no-such-page/");
        pages.put("bad-request", "/world/?page=abc");
        pages.put("list-page-2", "/politics/?page=2");
        long magnitogorsk = site.articles().findPublished(MAGNITOGORSK.split("/")[6]).orElseThrow().id();
        pages.put("search", "/search?q=election");
        pages.put("search-nothing-found", "/search?q=qqzzxxv");
        pages.put("comments-page", "/comments/on/" + magnitogorsk);
        pages.put("newsroom-sign-in", "/newsroom/sign-in");
        Map<String, String> newsroom = new LinkedHashMap<>(); // as a signed-in administrator sees them
        newsroom.put("newsroom-dashboard", "/newsroom");
        newsroom.put("newsroom-articles", "/newsroom/articles");
        newsroom.put("newsroom-new-article", "/newsroom/articles/new");
        newsroom.put("newsroom-editor", "/newsroom/articles/" + magnitogorsk);
        newsroom.put("newsroom-revisions", "/newsroom/articles/" + magnitogorsk + "/revisions");
        newsroom.put("newsroom-users", "/newsroom/users");
        newsroom.put("newsroom-comments", "/newsroom/comments");
        newsroom.put("newsroom-not-found", "/newsroom/articles/999999"); // the newsroom's own error page
        assertThat(concat(pages.keySet(), newsroom.keySet())).containsExactlyElementsOf(RenderedPages.PAGE_TYPES);

        RenderedPages.clear();
        site.awaitBackgroundWork(); // the search index is built from the demo content first
        pages.forEach((type, path) -> save(type, site.get(path)));
        new AccountService(site.database().jdbi(), Clock.systemUTC()).addUser("chief@example.com", "Chief", Role.ADMIN, "a long enough passphrase");
        StaffClient staff = StaffClient.signedIn(() -> site.uri("").toString().replaceAll("/$", ""), "chief@example.com",
                "a long enough passphrase");
        newsroom.forEach((type, path) -> save(type, staff.get(path)));
    }

    private static void save(String type, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(type).isIn(200, 400, 404);
        assertThat(response.headers().firstValue("Content-Type")).as(type).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        RenderedPages.save(type, response.body());
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void homePageHasALeadStoryTheLatestNewsAndABlockPerTopSection() {
        Document home = page("/");

        assertThat(home.title()).isEqualTo("Broadsheet");
        assertThat(home.select("h1")).hasSize(1);
        assertThat(home.selectFirst(".lead-story h2 a").attr("href")).isEqualTo(photoArticleUrl);
        assertThat(home.select(".lead-story img").attr("alt")).isNotBlank();
        assertThat(home.select(".sub-leads .story, .front-latest .story, .more-news .story")).hasSize(12);
        assertThat(home.select(".section-block h2 a")).extracting(e -> e.ownText().strip())
                .contains("World", "Politics", "Science", "Health", "Culture", "Sport");
        assertThat(home.select("nav[aria-label=Sections] a")).extracting(e -> e.attr("href")).contains("/", "/world/", "/politics/");
        assertLandmarks(home);
    }

    @Test
    void sectionPageListsItsOwnAndItsSubsectionsArticlesTwentyToAPage() {
        Section world = site.articles().sections().byPath("world").orElseThrow();
        int total = site.articles().inSection(world, 1, 1).total();

        Document page = page("/world/");

        assertThat(page.title()).isEqualTo("World News · Broadsheet");
        assertThat(page.select("h1").text()).isEqualTo("World");
        assertThat(page.select(".story")).hasSize(20);
        assertThat(page.select(".story h3 a")).allSatisfy(a -> assertThat(a.attr("href")).startsWith("/world/"));
        assertThat(page.select(".story .kicker")).extracting(Element::text).contains("Europe", "Asia");
        assertThat(page.select("nav.subsections a")).extracting(Element::text).contains("Europe", "Middle East");
        assertThat(page.select(".pager").text()).contains("Page 1 of " + (total + 19) / 20);
        assertThat(page.select(".pager a[rel=next]").attr("href")).isEqualTo("/world/?page=2");
        assertThat(page.select("nav[aria-label=Sections] a[aria-current=page]").text()).isEqualTo("World");
    }

    @Test
    void subsectionPageLinksBackToItsParentAndListsOnlyItsOwnArticles() {
        Document page = page("/world/europe/");

        assertThat(page.select("h1").text()).isEqualTo("Europe");
        assertThat(page.select("nav.breadcrumb a")).extracting(e -> e.attr("href")).containsExactly("/world/");
        assertThat(page.select("nav.breadcrumb [aria-current=page]").text()).isEqualTo("Europe");
        assertThat(page.select(".story h3 a")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.attr("href")).startsWith("/world/europe/"));
        assertThat(page.select("nav.subsections a")).extracting(Element::text).contains("Asia").doesNotContain("Europe");
    }

    @Test
    void laterPagesOfAListLinkBothWaysAndAreNotIndexed() {
        Document page = page("/politics/?page=2");

        assertThat(page.title()).isEqualTo("Politics News – page 2 · Broadsheet");
        assertThat(page.select(".story")).hasSize(20);
        assertThat(page.select(".pager a[rel=prev]").attr("href")).isEqualTo("/politics/");
        assertThat(page.select(".pager a[rel=next]").attr("href")).isEqualTo("/politics/?page=3");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(site.get("/politics/?page=999").statusCode()).isEqualTo(404);
    }

    @Test
    void tagPageListsTheArticlesWithThatTag() {
        Document page = page("/tag/russia/");

        assertThat(page.select(".list-kind").text()).isEqualTo("Topic");
        assertThat(page.select("h1").text()).isEqualTo("Russia");
        assertThat(page.select(".story h3 a")).extracting(e -> e.attr("href")).contains(MAGNITOGORSK);
        assertThat(site.get("/tag/no-such-topic/").statusCode()).isEqualTo(404);
    }

    @Test
    void authorPageListsTheAuthorsArticlesWithAPager() {
        Document page = page("/author/wikinews-contributors/");

        assertThat(page.select(".list-kind").text()).isEqualTo("Author");
        assertThat(page.select("h1").text()).isEqualTo("Wikinews contributors");
        assertThat(page.select(".story")).hasSize(20);
        assertThat(page.select(".pager a[rel=next]").attr("href")).isEqualTo("/author/wikinews-contributors/?page=2");
        assertThat(site.get("/author/nobody-at-all/").statusCode()).isEqualTo(404);
    }

    @Test
    void articlePageFollowsTheReferenceStructure() {
        Document page = page(MAGNITOGORSK);
        Element article = page.selectFirst("main article");

        assertThat(page.title()).isEqualTo("Magnitogorsk apartment building collapses after explosion, dozens dead | Europe News · Broadsheet");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(article.select("h1").text()).isEqualTo("Magnitogorsk apartment building collapses after explosion, dozens dead");
        Element kicker = article.selectFirst("header .kicker");
        assertThat(kicker.text()).isEqualTo("Europe");
        assertThat(kicker.attr("href")).isEqualTo("/world/europe/");
        assertThat(article.select("header .kicker-line a").first().attr("href")).isEqualTo("/world/");
        assertThat(article.select("header .standfirst").text()).startsWith("An apartment building collapsed");
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(article.select(".standfirst").text());
        assertThat(article.select(".byline a[rel=author]")).extracting(Element::text).containsExactly("Wikinews contributors");
        assertThat(article.select(".byline a[rel=author]").attr("href")).isEqualTo("/author/wikinews-contributors/");
        Element published = article.selectFirst(".byline time[datetime]");
        assertThat(OffsetDateTime.parse(published.attr("datetime")).toInstant()).isEqualTo(Instant.parse("2019-01-04T12:00:00Z"));
        assertThat(published.text()).contains("4 January 2019");
        assertThat(article.select(".body p").size()).isGreaterThan(2);
        assertThat(article.select(".body").text()).doesNotContain("Friday, January 4, 2019");
        Element source = article.selectFirst(".source");
        assertThat(source.text()).startsWith("Source: Wikinews");
        assertThat(source.selectFirst("a:contains(Wikinews)").attr("href"))
                .isEqualTo("https://en.wikinews.org/wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead");
        Element licence = source.selectFirst("a[rel=license]");
        assertThat(licence.text()).isEqualTo("CC BY 2.5");
        assertThat(licence.attr("href")).isEqualTo("https://creativecommons.org/licenses/by/2.5/");
        assertThat(article.select("nav.tags a")).extracting(Element::text).contains("Russia", "Magnitogorsk");
        assertThat(page.select("link[rel=canonical]").attr("href")).endsWith(MAGNITOGORSK);
        assertThat(article.select("figure")).isEmpty();
        assertLandmarks(page);
    }

    @Test
    void leadImageIsAFigureWithCaptionAndASeparateCredit() {
        Document page = page(photoArticleUrl);
        Element figure = page.selectFirst("main article figure");

        assertThat(figure).isNotNull();
        Element img = figure.selectFirst("img");
        assertThat(img.attr("alt")).isEqualTo("Rescuers in orange jackets on a heap of concrete");
        assertThat(img.attr("src")).matches("/media/[0-9a-f]{32}\\.png");
        assertThat(img.attr("width")).isEqualTo("1200");
        assertThat(img.attr("height")).isEqualTo("675");
        Element caption = figure.selectFirst("figcaption");
        assertThat(caption.select(".caption").text()).contains(PHOTO_CAPTION).doesNotContain(PHOTO_CREDIT);
        assertThat(caption.select(".credit").text()).contains(PHOTO_CREDIT);
        assertThat(site.getBytes(img.attr("src")).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownAddressesGetARealNotFoundPage() {
        for (String path : new String[] {"/no-such-page/", "/world/no-such-subsection/",
                "/world/europe/2019/01/04/no-such-article/", "/tag/no-such-topic/"}) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            Document page = site.parse(response);
            assertThat(page.select("h1").text()).as(path).isEqualTo("Page not found");
            assertThat(page.select("nav[aria-label=Sections] a")).as(path).isNotEmpty();
            assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        }
    }

    @Test
    void aBadPageNumberIsABadRequestWithAClearMessage() {
        for (String query : new String[] {"abc", "0", "-1", "1.5", "99999999999"}) {
            HttpResponse<String> response = site.get("/world/?page=" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            Document page = site.parse(response);
            assertThat(page.select("h1").text()).isEqualTo("Bad request");
            assertThat(page.select("main").text()).contains("The page number must be a whole number from 1 to 10000.");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
        }
    }

    @Test
    void addressesWithoutTheTrailingSlashRedirectPermanently() {
        assertRedirect("/world", "/world/");
        assertRedirect("/world/europe", "/world/europe/");
        assertRedirect(MAGNITOGORSK.substring(0, MAGNITOGORSK.length() - 1), MAGNITOGORSK);
        assertRedirect("/politics?page=2", "/politics/?page=2");
        assertRedirect("/tag/russia", "/tag/russia/");
        assertRedirect("/author/wikinews-contributors?page=2", "/author/wikinews-contributors/?page=2");
    }

    @Test
    void anArticleAddressWithTheWrongDateOrSectionRedirectsToTheCanonicalOne() {
        String slug = "magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead";
        assertRedirect("/world/europe/2019/01/05/" + slug + "/", MAGNITOGORSK);
        assertRedirect("/world/europe/2020/12/31/" + slug + "/", MAGNITOGORSK);
        assertRedirect("/science/2019/01/04/" + slug + "/", MAGNITOGORSK);
        assertRedirect("/world/2019/01/04/" + slug + "/", MAGNITOGORSK);
    }

    private static void assertRedirect(String from, String to) {
        HttpResponse<String> response = site.get(from);
        assertThat(response.statusCode()).as(from).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).as(from).contains(to);
    }

    private static Document page(String path) {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path)
                .matches("(?i)text/html;\\s*charset=utf-8");
        return site.parse(response);
    }

    private static void assertLandmarks(Document page) {
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("body > header")).hasSize(1);
        assertThat(page.select("body > main#main")).hasSize(1);
        assertThat(page.select("body > footer")).hasSize(1);
        assertThat(page.select("a.skip[href=#main]")).hasSize(1);
        assertThat(page.select("img:not([alt])")).isEmpty();
    }
}
