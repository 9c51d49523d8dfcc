/**
 * Ranking: honest view counting, Top 5 This Week, Popular Articles and Trending now. No HTTP here; the
 * web adapter is {@link org.broadsheet.ranking.web.ViewTracking}.
 *
 * <h2>How a read is counted</h2>
 * <ul>
 *   <li>Only a reader's GET of a published article counts: robots (uap-core's "Spider" device family, or
 *       no user agent), prefetches and prerenders ({@code Sec-Purpose}/{@code Purpose: prefetch}), HEAD
 *       requests and newsroom previews do not.</li>
 *   <li>A reader is counted once per article per 30 minutes. The reader is an HMAC-SHA256 of address and
 *       user agent under a random secret that lives only in memory and changes every UTC day
 *       ({@link org.broadsheet.ranking.VisitorHasher}); addresses are never stored.</li>
 *   <li>Counting is in memory ({@link org.broadsheet.ranking.ViewCounter}): no database access on the
 *       request path. {@link org.broadsheet.ranking.ViewFlusher} writes the per-article, per-hour sums
 *       every 10 seconds (configurable, never longer) and at shutdown. <b>A crash loses at most one flush
 *       interval of reads</b>; a failed write is retried with the next flush.</li>
 * </ul>
 *
 * <h2>Server or beacon counting</h2>
 * <p>{@code --view-counting server} (the default) counts when Broadsheet renders the article page. Choose
 * it when every page request reaches Broadsheet. {@code --view-counting beacon} makes the page report the
 * read itself with {@code navigator.sendBeacon} to {@code POST /views/{articleId}}; choose it when a CDN
 * or page cache serves article pages, since cached pages never reach the server and would not be counted.
 * The beacon also skips prerendered pages a reader never looks at. It accepts only published article ids,
 * ignores robots and reports from other sites, limits each visitor (30 per 10 minutes) and each address
 * (600 per 10 minutes), and always answers 204. Readers who block scripts are not counted in beacon mode.
 * Behind a reverse proxy, set {@code --proxy-hops} to the number of proxies that append to
 * {@code X-Forwarded-For}, or every reader looks like the proxy.
 *
 * <h2>Storage and rankings</h2>
 * <p>Hourly buckets per article are kept 90 days, then {@link org.broadsheet.ranking.ViewRollup} rolls them
 * into daily buckets; an all-time total is kept per article. Writes are additive UPSERTs on SQLite and
 * PostgreSQL alike. {@link org.broadsheet.ranking.ViewWindows} keeps per-article sums for each rolling
 * window in memory (rebuilt from the database at start and each hour, topped up by every flush), so the
 * recompute every 60 seconds by {@link org.broadsheet.ranking.RankingRefresher} is one pass over one number
 * per article. Windows are whole hours: at time t the week holds the hourly buckets from the one
 * containing t − 7 days to the current one. Ties go to the newer article.
 */
package org.broadsheet.ranking;
