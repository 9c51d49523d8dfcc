package org.broadsheet.newsroom;

import io.javalin.http.Context;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.web.DisplayTime;

import java.time.ZoneId;
import java.util.Arrays;

/** The newsroom's front page: how many articles are in each state, what is scheduled, what happened lately. */
final class DashboardScreen {

    private final ArticleDesk desk;
    private final ZoneId zone;
    private final NewsroomWeb.Frame frame;

    DashboardScreen(ArticleDesk desk, ZoneId zone, NewsroomWeb.Frame frame) {
        this.desk = desk;
        this.zone = zone;
        this.frame = frame;
    }

    void show(Context ctx) {
        var counts = desk.countsByStatus();
        var page = new NewsroomPages.DashboardPage(frame.layout(ctx, "Dashboard", "dashboard"),
                Arrays.stream(ArticleStatus.values())
                        .map(s -> new NewsroomPages.StatusCount(s, NewsroomText.status(s), counts.get(s))).toList(),
                desk.scheduled(20).stream()
                        .map(s -> new NewsroomPages.TimedRow(s.id(), s.headline(), "", DisplayTime.of(s.at(), zone))).toList(),
                desk.recentActivity(20).stream()
                        .map(a -> new NewsroomPages.TimedRow(a.articleId(), a.headline(), a.what() + " by " + a.who(),
                                DisplayTime.of(a.at(), zone))).toList());
        frame.send(ctx, "newsroom/dashboard.jte", page);
    }
}
