package org.broadsheet.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The minimum strength of a staff password: long enough, not one of the passwords every attacker tries
 * first, and not a single repeated pattern. Length matters more than character classes, so none are required.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 512;

    private static final Set<String> COMMON = Set.of(
            "password", "passw0rd", "p@ssw0rd", "123456", "1234567890", "qwerty", "qwertyuiop", "asdfghjkl",
            "letmein", "welcome", "iloveyou", "admin", "administrator", "monkey", "dragon", "football", "baseball",
            "sunshine", "princess", "trustno1", "abc123", "changeme", "secret", "broadsheet", "newsroom", "editor",
            "zaq12wsx", "1q2w3e4r", "qazwsx", "master", "shadow", "superman", "starwars", "whatever");

    private PasswordPolicy() {
    }

    /** Why this password is too weak, or empty if it is acceptable. */
    static Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must be at most " + MAX_LENGTH + " characters long.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String stripped = lower.replaceAll("[^a-z@]", "");
        if (password.chars().distinct().count() < 5) {
            return Optional.of("The password repeats too few different characters; choose a longer phrase.");
        }
        if (COMMON.contains(stripped) || COMMON.stream().anyMatch(c -> lower.replace(c, "").replaceAll("[^a-z]", "").length() < 3
                && lower.contains(c) && c.length() >= 6)) {
            return Optional.of("That password is among the most common ones; choose another.");
        }
        if (isSequence(lower)) {
            return Optional.of("The password is a simple sequence; choose another.");
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (local.length() >= 4 && lower.replace(local, "").length() < 6) {
                return Optional.of("The password must not be built from the email address.");
            }
        }
        return Optional.empty();
    }

    private static boolean isSequence(String s) {
        int step = s.charAt(1) - s.charAt(0);
        if (Math.abs(step) > 1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) - s.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
