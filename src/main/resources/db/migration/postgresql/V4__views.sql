-- Article views (ranking feature): hourly buckets for 90 days, then daily buckets, and an all-time total.
-- Times are epoch milliseconds (UTC): hour_start and day_start are the first millisecond of the bucket.
-- No foreign key to articles on purpose: a batch of counts flushed while an article is being deleted must
-- not fail (and lose the other articles' counts); rankings only ever show published articles.

CREATE TABLE article_views_hourly (
    article_id BIGINT NOT NULL,
    hour_start BIGINT NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (article_id, hour_start)
);
CREATE INDEX article_views_hourly_hour ON article_views_hourly(hour_start);

CREATE TABLE article_views_daily (
    article_id BIGINT NOT NULL,
    day_start  BIGINT NOT NULL,
    views      BIGINT NOT NULL,
    PRIMARY KEY (article_id, day_start)
);

CREATE TABLE article_view_totals (
    article_id BIGINT NOT NULL PRIMARY KEY,
    views      BIGINT NOT NULL
);
