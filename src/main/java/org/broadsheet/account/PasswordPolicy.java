package org.broadsheet.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The minimum strength of a staff password: long enough, not one of the passwords every attacker tries
 * first, not a single repeated pattern, and not the account's own email address dressed up. Length matters
 * more than character classes, so none are required.
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
        if (email != null && builtFromEmail(lower, email.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not be your email address or be made from it; choose a phrase of your own.");
        }
        return Optional.empty();
    }

    /**
     * True when the password is the email address or its name part, give or take case, punctuation, digits
     * and a few letters: what is left after taking out the name part and every piece of the address (split
     * at {@code @ . _ - +}; pieces of 3 or more characters, longest first), and then everything but letters,
     * is under 6 letters.
     */
    static boolean builtFromEmail(String lowerPassword, String lowerEmail) {
        String rest = lowerPassword.replaceAll("[^\\p{L}\\p{N}]", "");
        if (rest.contains(lowerEmail.replaceAll("[^\\p{L}\\p{N}]", ""))) {
            return true;
        }
        String local = lowerEmail.contains("@") ? lowerEmail.substring(0, lowerEmail.lastIndexOf('@')) : lowerEmail;
        List<String> pieces = new ArrayList<>(List.of(lowerEmail.split("[^\\p{L}\\p{N}]+")));
        pieces.add(local.replaceAll("[^\\p{L}\\p{N}]", ""));
        pieces.sort(Comparator.comparingInt(String::length).reversed());
        for (String piece : pieces) {
            if (piece.length() >= 3) {
                rest = rest.replace(piece, "");
            }
        }
        return rest.replaceAll("\\P{L}", "").length() < 6;
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
