package org.broadsheet.ranking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ua_parser.Parser;

import java.util.concurrent.CompletableFuture;

/**
 * Tells crawlers and other robots from readers by their user agent, with the maintained uap-core
 * patterns (uap-java): a device family of "Spider" is a robot. An empty user agent is a robot too;
 * browsers always send one. Parsing runs regular expressions, so answers are cached per user agent.
 * Thread-safe.
 */
public final class BotDetector {

    private static final int MAX_USER_AGENT = 512;

    /** Compiling the patterns takes ~0.1 s; done beside the rest of the start, awaited by the first read. */
    private final CompletableFuture<Parser> parser = CompletableFuture.supplyAsync(Parser::new, BotDetector::daemon);
    private final Cache<String, Boolean> answers = Caffeine.newBuilder().maximumSize(20_000).build();

    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        return answers.get(ua, this::parse);
    }

    private boolean parse(String userAgent) {
        return "Spider".equals(parser.join().parseDevice(userAgent).family);
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "bot-patterns");
        t.setDaemon(true);
        t.start();
    }
}
