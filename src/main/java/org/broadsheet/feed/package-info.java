/**
 * How news leaves the site for machines: feeds, sitemaps, robots.txt and the article page's structured data.
 *
 * <ul>
 *   <li>Feeds (RSS 2.0 and Atom 1.0, the latest 20 articles) live below the page they mirror:
 *       {@code /feed.xml} and {@code /atom.xml} for the site, {@code /news/feed.xml}, {@code /news/science/atom.xml},
 *       {@code /tag/{slug}/feed.xml}, {@code /author/{slug}/atom.xml}. Full text by default; the site setting
 *       {@code feeds.full_text = false} (table {@code site_settings}) publishes summaries only.</li>
 *   <li>Sitemaps: {@code /sitemap.xml} (index), {@code /sitemaps/pages.xml}, {@code /sitemaps/articles-N.xml},
 *       {@code /sitemaps/tags-N.xml}, {@code /sitemaps/authors-N.xml} (50,000 addresses each), and the Google News
 *       sitemap {@code /news-sitemap.xml}; {@code /robots.txt} names them.</li>
 *   <li>Every document carries ETag, Last-Modified and Cache-Control and answers conditional requests with 304.
 *       Generated documents are cached until an article changes, and for at most a minute.</li>
 *   <li>{@link org.broadsheet.feed.ShareTags} adds NewsArticle and BreadcrumbList JSON-LD, OpenGraph and Twitter
 *       card tags to article pages; {@link org.broadsheet.feed.FeedLinks} adds feed autodiscovery links.</li>
 * </ul>
 */
package org.broadsheet.feed;
