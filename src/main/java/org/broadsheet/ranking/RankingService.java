package org.broadsheet.ranking;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.Rankings;
import org.broadsheet.config.RankingSettings;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Top 5 This Week, Popular Articles and Trending now, served from memory. {@link #recompute()} (run
 * by {@link RankingRefresher}) builds the lists from {@link ViewWindows} and fetches their summaries in
 * one query; reads only filter out articles withdrawn since. Thread-safe.
 */
public final class RankingService implements Rankings {

    static final int TOP = 0;
    static final int POPULAR = 1;

    private record Lists(List<ArticleSummary> top, List<ArticleSummary> popular, List<ArticleSummary> trending) {
    }

    private final ViewWindows windows;
    private final PublishedArticles published;
    private final ArticleService articles;
    private final RankingSettings settings;
    private final Clock clock;
    private volatile Lists lists = new Lists(List.of(), List.of(), List.of());
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RankingService(ViewWindows windows, PublishedArticles published, ArticleService articles,
                          RankingSettings settings, Clock clock) {
        this.windows = windows;
        this.published = published;
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
    }

    /** Rebuilds the lists from the in-memory windows; one database query for the summaries. */
    public void recompute() {
        long now = clock.millis();
        List<Long> top = windows.top(TOP, settings.topSize(), published, now);
        List<Long> popular = windows.top(POPULAR, settings.popularSize(), published, now);
        List<Long> trending = windows.trending(settings.trendingSize(), published, now);
        Set<Long> ids = new LinkedHashSet<>(top);
        ids.addAll(popular);
        ids.addAll(trending);
        Map<Long, ArticleSummary> byId = new HashMap<>();
        for (ArticleSummary s : articles.publishedSummaries(List.copyOf(ids))) {
            byId.put(s.id(), s);
        }
        Lists before = lists;
        lists = new Lists(summaries(top, byId), summaries(popular, byId), summaries(trending, byId));
        if (!lists.equals(before)) {
            listeners.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code listener} (on the recomputing thread) whenever a recompute changes any list, so that
     * pages showing the lists can be refreshed; an unchanged recompute tells nobody.
     */
    public void onListsChanged(Runnable listener) {
        listeners.add(listener);
    }

    private static List<ArticleSummary> summaries(List<Long> ids, Map<Long, ArticleSummary> byId) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<ArticleSummary> topThisWeek() {
        return visible(lists.top());
    }

    @Override
    public List<ArticleSummary> popular() {
        return visible(lists.popular());
    }

    @Override
    public List<ArticleSummary> trending() {
        return visible(lists.trending());
    }

    /** Drops articles withdrawn since the last recompute, so they disappear at once. */
    private List<ArticleSummary> visible(List<ArticleSummary> list) {
        long now = clock.millis();
        for (ArticleSummary s : list) {
            if (!published.isVisible(s.id(), now)) {
                return list.stream().filter(x -> published.isVisible(x.id(), now)).toList();
            }
        }
        return list;
    }
}
