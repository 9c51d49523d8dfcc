package org.broadsheet.comment;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommentsTest {

    @TempDir
    java.nio.file.Path dir;
    CommentFixture f;

    CommentFixture start(CommentSettings settings) {
        f = new CommentFixture(dir, settings);
        return f;
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private HttpResponse<String> postOk(long article, String body, String name, String email) {
        Map<String, String> form = f.form(article, body, name, email);
        f.clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> r = f.post(form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r;
    }

    @Test
    void emptyFormShowsTheExactMessagesKeepsNothingAndFocusesTheComment() {
        start(CommentFixture.settings());
        long a = f.article("Empty form");
        HttpResponse<String> r = f.post(f.form(a, "", "", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select(".error-summary li").eachText()).containsExactly("Please enter your comment!",
                "Please enter your name here", "Please enter your email address");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#comment", "#author", "#email");
        assertThat(page.selectFirst("#comment").hasAttr("autofocus")).isTrue();
        assertThat(page.select("[autofocus]")).hasSize(1);
    }

    @Test
    void badEmailKeepsWhatWasTypedAndFocusesTheEmail() {
        start(CommentFixture.settings());
        long a = f.article("Bad email");
        Map<String, String> form = f.form(a, "My thoughts\non this", "Ann", "not-an-email");
        form.put("url", "https://ann.example/");
        HttpResponse<String> r = f.post(form);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select(".error-summary li").eachText()).containsExactly("You have entered an incorrect email address!");
        assertThat(page.selectFirst("#comment").wholeText()).isEqualTo("My thoughts\non this");
        assertThat(page.selectFirst("#author").val()).isEqualTo("Ann");
        assertThat(page.selectFirst("#email").val()).isEqualTo("not-an-email");
        assertThat(page.selectFirst("#url").val()).isEqualTo("https://ann.example/");
        assertThat(page.selectFirst("#email").hasAttr("autofocus")).isTrue();
    }

    @Test
    void overlongInputIsRefusedWithAMessageNeverTruncated() {
        start(CommentFixture.settings());
        long a = f.article("Long");
        Map<String, String> form = f.form(a, "é".repeat(32_763), "n".repeat(246), "a".repeat(95) + "@x.org");
        form.put("url", "https://example.org/" + "p".repeat(190));
        Document page = Jsoup.parse(f.post(form).body());
        assertThat(page.select(".error-summary li").eachText()).containsExactly(
                "Your comment is too long: the limit is 65,525 bytes, and it has 65,526. Please shorten it.",
                "Your name is too long: at most 245 characters, please.",
                "Your email address is too long: at most 100 characters, please.",
                "Your website address is too long: at most 200 characters, please.");
        Map<String, String> exact = f.form(a, "é".repeat(32_762) + "x", "n".repeat(245), "b".repeat(94) + "@x.org");
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(f.post(exact).statusCode()).isEqualTo(303);
    }

    @Test
    void controlCharactersInvalidUtf8AndBadWebsitesAreRefused() {
        start(CommentFixture.settings());
        long a = f.article("Control");
        Map<String, String> form = f.form(a, "bell\u0007", "Ann\u0000", "ann@example.org");
        form.put("url", "javascript:alert(1)");
        assertThat(Jsoup.parse(f.post(form).body()).select(".error-summary li").eachText()).containsExactly(
                "Your comment contains control characters. Please remove them.",
                "Your name contains control characters. Please remove them.",
                "Please enter a website address starting with http:// or https://, or leave it empty.");
        String good = CommentFixture.encode(f.form(a, "x", "Ann", "ann@example.org"));
        byte[] bad = (good + "&comment=%C3%28").getBytes(StandardCharsets.US_ASCII);
        byte[] broken = ("comment=%ff%fe&" + good).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> r = f.postBytes(broken);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not valid UTF-8");
        assertThat(f.postBytes(bad).statusCode()).isEqualTo(400);
    }

    @Test
    void textIsStoredAsSentAfterNfcAndRenderedEscapedWithLinks() {
        start(CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL));
        long a = f.article("Render");
        String body = "Cafe\u0301 <b>bold</b>\r\nsee https://example.org/a?b=1&c=2.\n\nsecond <script>alert(1)</script> javascript:alert(1)";
        long id = CommentFixture.commentId(postOk(a, body, "Zoë <i>", "z@example.org"));
        Comment stored = f.app.comments().service().find(id).orElseThrow();
        assertThat(stored.body()).isEqualTo(java.text.Normalizer.normalize(body, java.text.Normalizer.Form.NFC)).startsWith("Café");
        Document page = f.page(f.articleUrl(a));
        var text = page.selectFirst("#comment-" + id + " .comment-text");
        assertThat(text.select("p")).hasSize(2);
        assertThat(text.select("br")).hasSize(1);
        assertThat(text.select("b, script, i")).isEmpty();
        assertThat(text.select("a")).hasSize(1);
        assertThat(text.selectFirst("a").attr("href")).isEqualTo("https://example.org/a?b=1&c=2");
        assertThat(text.selectFirst("a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(text.text()).contains("<b>bold</b>", "<script>alert(1)</script>");
        assertThat(page.selectFirst("#comment-" + id + " .comment-author").text()).isEqualTo("Zoë <i>");
        assertThat(page.html()).doesNotContain("z@example.org");
    }

    @Test
    void heldCommentIsVisibleOnlyToItsAuthor() {
        start(CommentFixture.settings());
        long a = f.article("Held");
        HttpResponse<String> r = postOk(a, "Wait for me", "Hal", "hal@example.org");
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/comments/on/" + a + "?page=1&held=").contains("#comment-");
        long id = CommentFixture.commentId(r);
        Document mine = f.page(location.substring(0, location.indexOf('#')));
        assertThat(mine.selectFirst("#comment-" + id + " .awaiting").text()).isEqualTo("Your comment is awaiting moderation.");
        Document everyone = f.page(f.articleUrl(a));
        assertThat(everyone.select("#comment-" + id)).isEmpty();
        assertThat(everyone.text()).doesNotContain("Wait for me", "awaiting moderation");
        assertThat(f.page("/comments/on/" + a).text()).doesNotContain("Wait for me");
        // the scripted path: back to the shared article page, the script fetches the fragment
        Map<String, String> scripted = f.form(a, "Me again", "Hal", "hal@example.org");
        scripted.put("js", "1");
        f.clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> r2 = f.post(scripted);
        String loc2 = r2.headers().firstValue("Location").orElseThrow();
        assertThat(loc2).startsWith(f.articleUrl(a) + "?held=");
        String token = loc2.substring(loc2.indexOf("held=") + 5, loc2.indexOf('#'));
        HttpResponse<String> fragment = f.get("/comments/held?t=" + token);
        assertThat(fragment.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(Jsoup.parse(fragment.body()).text()).contains("Me again", "Your comment is awaiting moderation.");
        assertThat(f.get("/comments/held?t=" + token.replace('.', '-')).statusCode()).isEqualTo(404);
        f.clock.advance(Duration.ofHours(3));
        assertThat(f.get("/comments/held?t=" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void submittingTheSameFormTwiceMakesOneComment() {
        start(CommentFixture.settings());
        long a = f.article("Twice");
        Map<String, String> form = f.form(a, "Only once", "Olga", "olga@example.org");
        form.put("key", "3f1c2b5e-key");
        f.clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> first = f.post(form);
        HttpResponse<String> second = f.post(form);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(CommentFixture.commentId(second)).isEqualTo(CommentFixture.commentId(first));
        assertThat(f.app.comments().service().countsByStatus(null).get(CommentStatus.PENDING)).isEqualTo(1);
    }

    @Test
    void duplicateFloodHoneypotAndFillTimeAreRefusedWithMessages() {
        start(CommentFixture.settings().withTiming(Duration.ofSeconds(15), Duration.ofSeconds(3), 14));
        long a = f.article("Rules");
        postOk(a, "Same words", "Dee", "dee@example.org");
        Map<String, String> dupForm = f.form(a, "Same words", "Dee", "DEE@example.org");
        f.clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> dup = f.post(dupForm);
        assertThat(Jsoup.parse(dup.body()).select(".error-summary li").eachText()).containsExactly(CommentWriter.DUPLICATE);
        // flood: per email, then per address (all test requests share 127.0.0.1)
        Map<String, String> quick = f.form(a, "Another thought", "Dee", "dee@example.org");
        f.clock.advance(Duration.ofSeconds(3));
        postOk(a, "Fresh one", "Eve", "eve@example.org");
        f.clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> flood = f.post(quick);
        assertThat(flood.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(flood.body()).select(".error-summary li").eachText()).containsExactly(CommentWriter.FLOOD);
        f.clock.advance(Duration.ofSeconds(11));
        assertThat(f.post(quick).statusCode()).isEqualTo(303);
        // honeypot
        Map<String, String> bot = f.form(a, "Buy now", "Bot", "bot@example.org");
        bot.put("homepage", "http://spam.example");
        assertThat(Jsoup.parse(f.post(bot).body()).select(".error-summary li").eachText()).containsExactly(CommentService.HONEYPOT);
        // minimum fill-in time: a token issued just now is too fresh
        f.clock.advance(Duration.ofSeconds(20));
        f.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> fast = f.post(f.form(a, "Typed instantly", "Fay", "fay@example.org"));
        assertThat(Jsoup.parse(fast.body()).select(".error-summary li").eachText()).containsExactly(FormTokens.Problem.TOO_FAST.message);
        assertThat(Jsoup.parse(fast.body()).selectFirst("#comment").wholeText()).isEqualTo("Typed instantly");
        // forged and expired tokens
        Map<String, String> forged = f.form(a, "Forged", "Gus", "gus@example.org");
        forged.put("token", a + ".1.abc");
        assertThat(Jsoup.parse(f.post(forged).body()).select(".error-summary li").eachText()).containsExactly(FormTokens.Problem.INVALID.message);
        Map<String, String> old = f.form(a, "Old", "Gus", "gus@example.org");
        f.clock.advance(Duration.ofDays(3));
        assertThat(Jsoup.parse(f.post(old).body()).select(".error-summary li").eachText()).containsExactly(FormTokens.Problem.EXPIRED.message);
    }

    @Test
    void crossSitePostsAreRefused() {
        start(CommentFixture.settings());
        long a = f.article("Origin");
        String body = CommentFixture.encode(f.form(a, "Hi", "Ann", "ann@example.org"));
        HttpResponse<String> r = f.postRaw("/comments", body, "https://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains(OriginCheck.REFUSED.substring(0, 40));
        assertThat(f.postRaw("/comments", body, null).statusCode()).isEqualTo(403);
    }

    @Test
    void policiesLinksAndBlocklistDecideTheStatus() {
        start(CommentFixture.settings().withBlocklist(List.of("casino", "spammer@example.org")));
        long a = f.article("Policy");
        var service = f.app.comments().service();
        long first = CommentFixture.commentId(postOk(a, "First time", "Ivy", "ivy@example.org"));
        assertThat(service.find(first).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        service.setStatus(List.of(first), CommentStatus.APPROVED);
        long trusted = CommentFixture.commentId(postOk(a, "Now trusted", "Ivy", "ivy@example.org"));
        assertThat(service.find(trusted).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
        long links = CommentFixture.commentId(postOk(a, "http://a.example http://b.example http://c.example", "Ivy", "ivy@example.org"));
        assertThat(service.find(links).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        long spamWord = CommentFixture.commentId(postOk(a, "Best CASINO in town", "Ivy", "ivy@example.org"));
        assertThat(service.find(spamWord).orElseThrow().status()).isEqualTo(CommentStatus.SPAM);
        long spamEmail = CommentFixture.commentId(postOk(a, "Hello", "Sam", "Spammer@example.org"));
        assertThat(service.find(spamEmail).orElseThrow().status()).isEqualTo(CommentStatus.SPAM);
        Moderation holdAll = new Moderation(CommentFixture.settings().withPolicy(ModerationPolicy.HOLD_ALL));
        Moderation approveAll = new Moderation(CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL)
                .withBlocklist(List.of("203.0.113.")));
        var fields = new CommentValidator.Valid("text", "n", "e@x.org", "");
        assertThat(holdAll.decide(fields, "1.2.3.4", true)).isEqualTo(CommentStatus.PENDING);
        assertThat(approveAll.decide(fields, "1.2.3.4", false)).isEqualTo(CommentStatus.APPROVED);
        assertThat(approveAll.decide(fields, "203.0.113.9", false)).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void editorsChangeThePolicyAndBlocklistWhileTheSiteRuns() {
        start(CommentFixture.settings());
        long a = f.article("Settings");
        var service = f.app.comments().service();
        assertThat(f.staffPage("/newsroom/comment-settings").selectFirst("input[value=HOLD_FIRST_TIME]").hasAttr("checked")).isTrue();
        assertThat(f.staffPost("/newsroom/comment-settings", Map.of("policy", "NONSENSE", "maxLinks", "1", "blocklist", "")).statusCode()).isEqualTo(400);
        assertThat(f.staffPost("/newsroom/comment-settings", Map.of("policy", "APPROVE_ALL", "maxLinks", "0",
                "blocklist", "Viagra\r\n203.0.113.")).statusCode()).isEqualTo(303);
        long open = CommentFixture.commentId(postOk(a, "Appears at once", "Amy", "amy@example.org"));
        assertThat(service.find(open).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
        long link = CommentFixture.commentId(postOk(a, "One link https://example.org/", "Amy", "amy@example.org"));
        assertThat(service.find(link).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        long spam = CommentFixture.commentId(postOk(a, "cheap VIAGRA", "Amy", "amy@example.org"));
        assertThat(service.find(spam).orElseThrow().status()).isEqualTo(CommentStatus.SPAM);
        assertThat(f.staffPage("/newsroom/comment-settings?done=saved").selectFirst("#blocklist").wholeText()).isEqualTo("viagra\n203.0.113.");
        assertThat(f.get("/newsroom/comment-settings").statusCode()).isEqualTo(302);
    }

    @Test
    void repliesNestToDepthFiveThenAttachAtTheDeepestLevel() {
        start(CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL));
        long a = f.article("Threads");
        long parent = CommentFixture.commentId(postOk(a, "Level 1", "P0", "p0@example.org"));
        List<Long> chain = new ArrayList<>(List.of(parent));
        for (int level = 2; level <= 7; level++) {
            Map<String, String> reply = f.form(a, "Level " + level, "P" + level, "p" + level + "@example.org");
            reply.put("parent", Long.toString(chain.get(chain.size() - 1)));
            f.clock.advance(Duration.ofSeconds(20));
            HttpResponse<String> r = f.post(reply);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            chain.add(CommentFixture.commentId(r));
        }
        var service = f.app.comments().service();
        assertThat(chain.stream().map(id -> service.find(id).orElseThrow().depth()).toList()).containsExactly(0, 1, 2, 3, 4, 4, 4);
        assertThat(service.find(chain.get(5)).orElseThrow().parentId()).isEqualTo(chain.get(3));
        Document page = f.page(f.articleUrl(a));
        assertThat(page.select("#comment-" + chain.get(4) + " > ol.children > li").eachAttr("id"))
                .isEmpty();
        assertThat(page.select("#comment-" + chain.get(3) + " > ol.children > li").eachAttr("id"))
                .containsExactly("comment-" + chain.get(4), "comment-" + chain.get(5), "comment-" + chain.get(6));
        assertThat(page.select(".reply-link").eachAttr("href")).contains("/comments/on/" + a + "?replyto=" + chain.get(0) + "#respond");
        Document replyPage = f.page("/comments/on/" + a + "?replyto=" + chain.get(2));
        assertThat(replyPage.selectFirst("#reply-title").text()).isEqualTo("Reply to P3");
        assertThat(replyPage.selectFirst("#parent").val()).isEqualTo(chain.get(2).toString());
    }

    @Test
    void threadsAreOldestFirstAndPaginated() {
        start(CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL).withThreading(5, 3));
        long a = f.article("Pages");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ids.add(CommentFixture.commentId(postOk(a, "Comment " + i, "C" + i, "c" + i + "@example.org")));
        }
        Document first = f.page(f.articleUrl(a));
        assertThat(first.select(".comment-list > li").eachAttr("id")).containsExactly("comment-" + ids.get(0), "comment-" + ids.get(1), "comment-" + ids.get(2));
        assertThat(first.selectFirst("#comments-heading").text()).isEqualTo("7 comments");
        assertThat(first.selectFirst(".comment-pager a[rel=next]").attr("href")).isEqualTo("/comments/on/" + a + "?page=2#comments-heading");
        Document third = f.page("/comments/on/" + a + "?page=3");
        assertThat(third.select(".comment-list > li").eachAttr("id")).containsExactly("comment-" + ids.get(6));
        HttpResponse<String> later = postOk(a, "Comment 8", "C8", "c8@example.org");
        assertThat(later.headers().firstValue("Location").orElseThrow()).startsWith("/comments/on/" + a + "?page=3#comment-");
    }

    @Test
    void commentsCloseAfterTheConfiguredDaysWithAPerArticleOverride() {
        start(CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL));
        long old = f.article("Old news", f.clock.instant().minus(Duration.ofDays(15)));
        long fresh = f.article("Fresh news");
        long id = CommentFixture.commentId(postOk(fresh, "Still open", "Ola", "ola@example.org"));
        Document closed = f.page(f.articleUrl(old));
        assertThat(closed.selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(closed.select("#commentform")).isEmpty();
        f.clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> refused = f.post(f.form(fresh, "x", "y", "z@example.org"));
        assertThat(refused.statusCode()).isEqualTo(303);
        HttpResponse<String> override = f.staffPost("/newsroom/comments/" + id + "/closing", Map.of("days", "0"));
        assertThat(override.statusCode()).isEqualTo(303);
        Document nowClosed = f.page(f.articleUrl(fresh));
        assertThat(nowClosed.selectFirst(".comments-closed").text()).isEqualTo("Comments are closed.");
        assertThat(nowClosed.select("#comment-" + id)).hasSize(1);
        f.clock.advance(Duration.ofSeconds(20));
        Map<String, String> late = new java.util.LinkedHashMap<>(Map.of("article", Long.toString(fresh), "comment", "late",
                "author", "L", "email", "l@example.org", "token", "x"));
        HttpResponse<String> r = f.post(late);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(r.body()).text()).contains(CommentService.CLOSED);
    }

    @Test
    void editorsModerateFromTheQueueAndApprovedCommentsAppearAtOnce() {
        start(CommentFixture.settings());
        long a = f.article("Queue");
        long b = f.article("Other");
        List<Long> changed = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.app.comments().service().addListener(changed::add);
        long c1 = CommentFixture.commentId(postOk(a, "One", "Uno", "uno@example.org"));
        long c2 = CommentFixture.commentId(postOk(a, "Two", "Dos", "dos@example.org"));
        long c3 = CommentFixture.commentId(postOk(b, "Three", "Tres", "tres@example.org"));
        HttpResponse<String> signedOut = f.get("/newsroom/comments");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).startsWith("/newsroom/sign-in?next=");
        assertThat(f.postRaw("/newsroom/comments/bulk", "action=approve&ids=" + c1, f.base()).statusCode()).isEqualTo(403);
        Document queue = f.staffPage("/newsroom/comments");
        assertThat(queue.select(".tabs a").eachText()).containsExactly("Pending (3)", "Approved (0)", "Spam (0)", "Trash (0)");
        assertThat(queue.select(".q-email").eachText()).contains("uno@example.org");
        assertThat(f.staffPage("/newsroom/comments?article=" + b).select(".queue-item").eachAttr("id")).containsExactly("q-" + c3);
        HttpResponse<String> approve = f.staffPost("/newsroom/comments/bulk", Map.of("single", "approve:" + c1, "returnTo", "/newsroom/comments"));
        assertThat(approve.statusCode()).isEqualTo(303);
        assertThat(changed).contains(a);
        assertThat(f.page(f.articleUrl(a)).select("#comment-" + c1)).hasSize(1);
        HttpResponse<String> bulk = f.staff().postBody("/newsroom/comments/bulk",
                "action=spam&ids=" + c2 + "&ids=" + c3 + "&_csrf=" + f.staff().csrf(), f.base());
        assertThat(bulk.statusCode()).isEqualTo(303);
        Document after = f.staffPage("/newsroom/comments?done=spam-2");
        assertThat(after.select(".tabs a").eachText()).containsExactly("Pending (0)", "Approved (1)", "Spam (2)", "Trash (0)");
        assertThat(after.selectFirst(".notice").text()).isEqualTo("2 comments marked as spam.");
        HttpResponse<String> crossSite = f.staff().postBody("/newsroom/comments/bulk",
                "action=trash&ids=" + c1 + "&_csrf=" + f.staff().csrf(), "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> withoutToken = f.staff().postBody("/newsroom/comments/bulk", "action=trash&ids=" + c1, f.base());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> forgedToken = f.staff().postBody("/newsroom/comments/bulk", "action=trash&ids=" + c1 + "&_csrf=forged", f.base());
        assertThat(forgedToken.statusCode()).isEqualTo(403);
        assertThat(f.staffPage("/newsroom/comments?status=trash").select(".queue-item")).isEmpty();
        // edit and reply as staff
        assertThat(f.staffPost("/newsroom/comments/" + c1, Map.of("author", "Uno (edited)", "url", "", "comment", "One, corrected")).statusCode()).isEqualTo(303);
        assertThat(f.staffPost("/newsroom/comments/" + c1, Map.of("author", "", "url", "", "comment", "")).statusCode()).isEqualTo(400);
        assertThat(f.staffPost("/newsroom/comments/" + c1 + "/reply", Map.of("reply", "Thanks, Uno")).statusCode()).isEqualTo(303);
        Document article = f.page(f.articleUrl(a));
        assertThat(article.selectFirst("#comment-" + c1 + " .comment-text").text()).isEqualTo("One, corrected");
        assertThat(article.select("#comment-" + c1 + " > ol.children .comment-staff .comment-author").text()).isEqualTo("Edna Editor");
        assertThat(article.selectFirst("#comments-heading").text()).isEqualTo("2 comments");
    }

    @Test
    void theSharedArticlePageIsStableAndListsShowCommentCounts() {
        start(CommentFixture.settings().withPolicy(ModerationPolicy.APPROVE_ALL));
        long a = f.article("Counted");
        postOk(a, "One", "A", "a@example.org");
        postOk(a, "Two", "B", "b@example.org");
        HttpResponse<String> first = f.get(f.articleUrl(a));
        f.clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> second = f.get(f.articleUrl(a));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        String shared = Jsoup.parse(first.body()).selectFirst("#commentform input[name=token]").val();
        Map<String, String> fromCachedPage = f.form(a, "From a cached page", "C", "c@example.org");
        fromCachedPage.put("token", shared);
        assertThat(f.post(fromCachedPage).statusCode()).isEqualTo(303);
        String section = f.articleUrl(a).substring(0, f.articleUrl(a).indexOf('/', 1) + 1);
        assertThat(f.page(section).selectFirst(".story .comment-count").text()).isEqualTo("3 comments");
    }

    @Test
    void addressesAreErasedAfterTheRetentionPeriod() {
        start(CommentFixture.settings());
        long a = f.article("Erase");
        long id = CommentFixture.commentId(postOk(a, "Remember my address?", "Rae", "rae@example.org"));
        assertThat(f.app.comments().service().find(id).orElseThrow().address()).isNotNull();
        f.clock.advance(Duration.ofDays(29));
        assertThat(f.app.comments().eraseDueAddresses()).isZero();
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.app.comments().eraseDueAddresses()).isEqualTo(1);
        assertThat(f.app.comments().service().find(id).orElseThrow().address()).isNull();
        assertThat(f.staffPage("/newsroom/comments").selectFirst(".q-address").text()).isEqualTo("erased");
    }
}
