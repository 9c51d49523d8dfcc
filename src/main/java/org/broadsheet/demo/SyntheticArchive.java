package org.broadsheet.demo;

import org.broadsheet.article.ArticleService;
import org.broadsheet.comment.CommentImport;
import org.broadsheet.config.RankingSettings;
import org.broadsheet.ranking.ViewStore;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A benchmark archive: synthetic articles ({@link SyntheticNews}), their readers' comments
 * ({@link SyntheticComments}) and their recent view history ({@link SyntheticViews}), each stored through
 * its feature's own import path, batch by batch as the articles are stored. Sections must exist (load the
 * demo first). Not thread-safe; run one at a time, with the site not serving.
 */
public final class SyntheticArchive {

    /**
     * What to generate.
     *
     * @param span               articles are dated over this span before now
     * @param commentsPerArticle the average number of comments an article (0 for none)
     * @param viewDays           articles published in this many days before now get a view history (0 for
     *                           none; at most 90, the hourly retention)
     */
    public record Options(int articles, Duration span, long seed, double commentsPerArticle, int viewDays) {

        public Options {
            if (articles < 1) {
                throw new IllegalArgumentException("the archive needs at least one article, got " + articles);
            }
            if (span.isNegative()) {
                throw new IllegalArgumentException("the articles' span cannot be negative, got " + span);
            }
            if (!(commentsPerArticle >= 0 && commentsPerArticle <= 1000)) {
                throw new IllegalArgumentException("comments per article must be between 0 and 1000, got " + commentsPerArticle);
            }
            if (viewDays < 0 || viewDays > RankingSettings.MAX_WINDOW.toDays()) {
                throw new IllegalArgumentException("view days must be between 0 and "
                        + RankingSettings.MAX_WINDOW.toDays() + ", got " + viewDays);
            }
        }
    }

    /** What has been stored so far. */
    public record Summary(int articles, long comments, long viewBuckets) {
    }

    private final ArticleService articles;
    private final CommentImport comments;
    private final ViewStore views;

    public SyntheticArchive(ArticleService articles, CommentImport comments, ViewStore views) {
        this.articles = articles;
        this.comments = comments;
        this.views = views;
    }

    /**
     * Generates the archive as of {@code now}, reporting after each batch of articles.
     *
     * @return what was stored
     */
    public Summary generate(Options options, Instant now, Consumer<Summary> progress) {
        DemoText text = DemoText.load(new WikinewsDemo(articles));
        SyntheticComments commentWriter = new SyntheticComments(comments, text, options.commentsPerArticle(), now,
                options.seed());
        SyntheticViews viewWriter = new SyntheticViews(views, options.viewDays(), now, options.seed());
        int[] done = {0};
        new SyntheticNews(articles, text).generate(options.articles(), now, options.span(), options.seed(), batch -> {
            commentWriter.add(batch);
            viewWriter.add(batch);
            done[0] += batch.size();
            progress.accept(new Summary(done[0], commentWriter.count(), viewWriter.count()));
        });
        commentWriter.flush();
        viewWriter.flush();
        return new Summary(done[0], commentWriter.count(), viewWriter.count());
    }
}
