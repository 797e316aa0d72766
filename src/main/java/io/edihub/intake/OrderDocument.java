package io.edihub.intake;

import io.edihub.order.InputError;
import io.edihub.order.OrderMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a format reader made of one input document: the orders in it, or why it is refused.
 *
 * <p>Any error refuses the whole document: a reader that found an error returns no messages, so a
 * caller cannot store half of a file the customer will correct and send again.
 *
 * @param format   the format the document was read as
 * @param messages the orders and order changes it holds, in document order; empty when refused
 * @param errors   what is wrong with it, each saying where; empty when accepted
 */
public record OrderDocument(OrderFormat format, List<OrderMessage> messages, List<InputError> errors) {

    /** The most errors reported for one document: enough to fix it, not a flood. */
    static final int MAX_ERRORS = 100;

    public OrderDocument {
        Objects.requireNonNull(format, "format");
        if (!errors.isEmpty() && !messages.isEmpty()) {
            throw new IllegalArgumentException("a document with errors is refused whole: it carries no messages");
        }
        messages = List.copyOf(messages);
        errors = List.copyOf(errors);
    }

    /** A refused document. */
    static OrderDocument refused(OrderFormat format, List<InputError> errors) {
        return new OrderDocument(format, List.of(), errors);
    }

    /** The error for a document over a reader's size limit, found before it is parsed. */
    static InputError tooLarge(long maxBytes) {
        return new InputError("byte " + (maxBytes + 1), "TOO_LARGE", "document is larger than the " + maxBytes
                + "-byte limit");
    }

    /** The name in {@code known} a misspelt or abbreviated {@code name} most likely meant (case aside), or null. */
    static String closest(String name, List<String> known) {
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

    /** True when nothing is wrong with the document. */
    public boolean accepted() {
        return errors.isEmpty();
    }

    /** The errors of one document being read, at most {@link #MAX_ERRORS} of them and a note when there were more. */
    static final class Errors {

        private final List<InputError> list = new ArrayList<>();
        private boolean truncated;

        void add(InputError error) {
            if (list.size() < MAX_ERRORS) {
                list.add(error);
            } else {
                truncated = true;
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** How many were found so far (a truncated list counts one more). */
        int size() {
            return list.size() + (truncated ? 1 : 0);
        }

        List<InputError> list() {
            if (!truncated) {
                return List.copyOf(list);
            }
            List<InputError> all = new ArrayList<>(list);
            all.add(new InputError("document", "TOO_MANY_ERRORS", "more than " + MAX_ERRORS + " errors; the first "
                    + MAX_ERRORS + " are listed"));
            return all;
        }
    }
}
