/**
 * Readers' comments: the "Leave a reply" form under every article, threads, moderation rules, the editors'
 * queue at {@code /newsroom/comments}, and the background work that keeps them honest.
 *
 * <h2>Nothing personal on the shared article page</h2>
 * The article page is the same for every reader and will be cached, so the comments part
 * ({@link org.broadsheet.comment.CommentAddon}) shows only approved comments and a blank form.
 * <ul>
 *   <li><b>A reader's held comment</b>: after posting, the 303 carries a signed, short-lived token
 *   ({@code held=ID.EXPIRES.HMAC}, two hours) for that one comment. With JavaScript the reader goes back to the
 *   article ({@code …/?held=…#comment-ID}); the small page script asks {@code GET /comments/held?t=…}
 *   ({@code no-store}) for the comment, marked "Your comment is awaiting moderation", and places it in the
 *   thread. Without JavaScript the reader goes to the comments page {@code /comments/on/{article}?held=…}, which
 *   is rendered per request. A page cache must ignore the {@code held} query parameter on article pages.</li>
 *   <li><b>Reply links</b> point to {@code /comments/on/{article}?replyto=ID#respond}, a per-request page with
 *   the form set up for the reply; with JavaScript the click moves the form under the comment instead.</li>
 *   <li><b>Errors</b> are shown by re-rendering the comments page in answer to {@code POST /comments}, with what
 *   the reader typed, an error summary linking to the fields, and {@code autofocus} on the first problem.</li>
 * </ul>
 *
 * <h2>CSRF without per-visitor tokens</h2>
 * A per-visitor token cannot live in a cached page. Instead {@code POST /comments} requires (1) a same-origin
 * {@code Origin} header (or {@code Referer} when a browser omits Origin) — browsers always send it on
 * cross-site POSTs and other sites cannot forge it; (2) a signed timestamp field bound to the article
 * (HMAC-SHA256 with a secret kept in {@code site_settings}, shared by all nodes), which also enforces the
 * minimum fill-in time and a maximum form age; and (3) an empty honeypot field. The cached page carries a token
 * issued at the start of the hour (the page stays byte-identical for an hour); the script replaces it with a
 * fresh one from {@code GET /comments/token}. A comment carries no privilege, so the residual risk — a forged
 * post from a non-browser client — is covered by the spam rules, not by CSRF defences.
 *
 * <h2>Double submits and durability</h2>
 * The idempotency key stored (UNIQUE) with each comment is a hash of the form's per-view random key (set by
 * the script), its token, and the content: the same form sent twice finds the first comment and gets the same
 * 303. All new comments go through one writer thread ({@link org.broadsheet.comment.CommentWriter}) that
 * applies the database rules and inserts a batch of waiting comments in one transaction
 * ({@code synchronous=FULL} on SQLite), answering each reader only after the commit.
 *
 * <h2>Settings</h2>
 * {@link org.broadsheet.comment.CommentSettings#fromEnvironment}: {@code BROADSHEET_COMMENTS_POLICY}
 * (hold-all | hold-first-time | approve-all), {@code _MAX_DEPTH}, {@code _PER_PAGE}, {@code _CLOSE_AFTER_DAYS}
 * (0 = never), {@code _MAX_LINKS}, {@code _BLOCKLIST}, {@code _FLOOD_SECONDS} (0 turns flood control off — for
 * load benchmarks only), {@code _MIN_FILL_SECONDS}, {@code _ADDRESS_DAYS}. Editors change the policy, link limit
 * and blocklist at {@code /newsroom/comment-settings} (stored in {@code site_settings}, read by every node within
 * seconds) and override the closing per article on a comment's edit page (0 = closed now).
 */
package org.broadsheet.comment;
