package io.edihub.document;

import java.util.List;
import java.util.Locale;

/** What a sender probably meant by a field or column name the hub does not know. */
final class Misspellings {

    private Misspellings() {
    }

    /** The name in {@code known} a misspelt or abbreviated {@code name} most likely meant (case aside), or null. */
    public static String likelyMeant(String name, List<String> known) {
        String best = null;
        int distance = 3;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int d = editDistance(candidate.toLowerCase(Locale.ROOT), lower);
            if (d < distance) {
                distance = d;
                best = candidate;
            }
        }
        if (best == null && lower.length() >= 3 && lower.length() <= 4) {
            // an abbreviation: qty for quantity
            for (String candidate : known) {
                if (isAbbreviation(lower, candidate.toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        return best;
    }

    private static boolean isAbbreviation(String shortName, String name) {
        if (shortName.charAt(0) != name.charAt(0)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < name.length() && at < shortName.length(); i++) {
            if (name.charAt(i) == shortName.charAt(at)) {
                at++;
            }
        }
        return at == shortName.length();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
