package org.broadsheet.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed values the comment feature hands out instead of sessions, so the article page can stay shared
 * and cacheable:
 * <ul>
 *   <li>a <b>form token</b> {@code articleId.issuedMillis.hmac} in every comment form — proves the form came
 *   from us (one of the CSRF defences) and when, for the minimum fill-in time and the maximum form age;</li>
 *   <li>a <b>held token</b> {@code commentId.expiresSeconds.hmac} in the address a reader is sent to after
 *   posting a comment that waits for moderation — whoever holds it may see that one comment, for a short time.</li>
 * </ul>
 * Thread-safe.
 */
final class FormTokens {

    static final Duration HELD_TOKEN_LIFE = Duration.ofHours(2);

    /** Why a form token was not accepted, with the reader's message. */
    enum Problem {
        INVALID("This comment form is damaged or out of date. Please post your comment again."),
        EXPIRED("This comment form has expired. Please post your comment again."),
        TOO_FAST("That was quick! Please take a moment to read your comment over, then post it again.");

        final String message;

        Problem(String message) {
            this.message = message;
        }
    }

    private final Signer signer;
    private final Clock clock;
    private final CommentSettings settings;
    private final Cache<Long, HourToken> sharedTokens = Caffeine.newBuilder().maximumSize(10_000).build();

    FormTokens(Signer signer, Clock clock, CommentSettings settings) {
        this.signer = signer;
        this.clock = clock;
        this.settings = settings;
    }

    String formToken(long articleId) {
        return formToken(articleId, clock.millis());
    }

    /**
     * The token for the shared article page: issued at the start of the current hour, so the page renders
     * identically for an hour (stable ETag, cacheable). The page script swaps in a fresh {@link #formToken}, so
     * readers with JavaScript get the real fill-in time check.
     */
    String sharedFormToken(long articleId) {
        long hour = Duration.ofHours(1).toMillis();
        long issued = clock.millis() / hour * hour;
        HourToken kept = sharedTokens.getIfPresent(articleId);
        if (kept != null && kept.issued() == issued) {
            return kept.token();
        }
        String token = formToken(articleId, issued);
        sharedTokens.put(articleId, new HourToken(issued, token));
        return token;
    }

    /** The same for an hour, so signed once an hour per article rather than at every render. */
    private record HourToken(long issued, String token) {
    }

    private String formToken(long articleId, long issuedMillis) {
        String payload = articleId + "." + issuedMillis;
        return payload + "." + signer.sign("form|" + payload);
    }

    /** Checks a form token for this article: empty when it is good. */
    Optional<Problem> checkForm(String token, long articleId) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(Long.toString(articleId)) || !parts[1].matches("\\d{1,15}")
                || !signer.verify("form|" + parts[0] + "." + parts[1], parts[2])) {
            return Optional.of(Problem.INVALID);
        }
        Instant issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        Instant now = clock.instant();
        if (issued.plus(settings.formMaxAge()).isBefore(now)) {
            return Optional.of(Problem.EXPIRED);
        }
        if (issued.plus(settings.minFillTime()).isAfter(now)) {
            return Optional.of(Problem.TOO_FAST);
        }
        return Optional.empty();
    }

    String heldToken(long commentId) {
        long expires = clock.instant().plus(HELD_TOKEN_LIFE).getEpochSecond();
        String payload = commentId + "." + expires;
        return payload + "." + signer.sign("held|" + payload);
    }

    /** The comment a held token opens, if the token is genuine and not expired. */
    Optional<Long> heldComment(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,12}")
                || !signer.verify("held|" + parts[0] + "." + parts[1], parts[2])) {
            return Optional.empty();
        }
        if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[0]));
    }
}
