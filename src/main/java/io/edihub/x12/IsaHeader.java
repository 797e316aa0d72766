package io.edihub.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed-length ISA header checked before streaming starts, so that a malformed header is reported
 * element by element ("ISA06 is 12 characters, must be 15") instead of as a parser state error.
 *
 * <p>Carriage returns and line feeds inside the header are skipped, as in files wrapped at 80 columns;
 * the character after ISA16 is the segment terminator and may itself be a line feed.
 */
final class IsaHeader {

    static final int LENGTH = 106;
    private static final int[] WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};

    final String[] elements = new String[17];
    final List<X12Error> errors = new ArrayList<>();
    String ta1Code;

    private IsaHeader() {
    }

    /**
     * Checks the header at the start of {@code head} (which starts with "ISA").
     */
    static IsaHeader check(CharSequence head) {
        IsaHeader h = new IsaHeader();
        if (head.length() < 4) {
            h.fail("023", "ISA", null, "the file ends inside the ISA header, which must be " + LENGTH + " characters long");
            return h;
        }
        char separator = head.charAt(3);
        if (Character.isLetterOrDigit(separator) || Character.isWhitespace(separator)) {
            h.fail("026", "ISA", null, "'" + printable(separator) + "' after ISA cannot be the element separator");
            return h;
        }
        StringBuilder field = new StringBuilder();
        int element = 1;
        int length = 4;
        int i = 4;
        for (; i < head.length() && element <= 16; i++) {
            char c = head.charAt(i);
            if (element == 16) {
                // ISA16 is one character, whatever it is
                h.elements[16] = String.valueOf(c);
                length++;
                element++;
                break;
            }
            if (c == '\r' || c == '\n') {
                continue;
            }
            length++;
            if (c == separator) {
                h.elements[element++] = field.toString();
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (element <= 16) {
            h.fail("023", "ISA", null, "the ISA header is incomplete: the file ends after " + length
                    + " characters of the " + LENGTH + " an ISA has");
            return h;
        }
        for (int e = 1; e <= 16; e++) {
            int actual = h.elements[e].length();
            if (actual != WIDTHS[e - 1]) {
                h.fail(AckCodes.ta1For("ISA", e), "ISA", e, String.format("ISA%02d is %d characters ('%s'), must be %d: "
                        + "the ISA is fixed-length, %d characters in all", e, actual, printable(h.elements[e]),
                        WIDTHS[e - 1], LENGTH));
            }
        }
        for (int e = 1; e <= 16 && h.errors.isEmpty(); e++) {
            String value = h.elements[e];
            for (int c = 0; c < value.length(); c++) {
                if (value.charAt(c) < 0x20 || value.charAt(c) > 0x7e) {
                    h.fail(AckCodes.ta1For("ISA", e), "ISA", e, String.format("ISA%02d holds the character '%s' at %d, outside "
                            + "the X12 character set (a no-break space pads like a space but is not one)", e,
                            printable(value.charAt(c)), c + 1));
                    break;
                }
            }
        }
        String isa16 = h.elements[16];
        if (h.errors.isEmpty() && (isa16.equals(String.valueOf(separator)) || Character.isLetterOrDigit(isa16.charAt(0)))) {
            h.fail("027", "ISA", 16, "ISA16 '" + printable(isa16) + "' cannot be the component separator");
        }
        if (h.errors.isEmpty()) {
            if (i + 1 >= head.length()) {
                h.fail("023", "ISA", null, "the file ends right after the ISA header: there is no segment terminator");
            } else {
                char terminator = head.charAt(i + 1);
                if (Character.isLetterOrDigit(terminator) || terminator == separator || terminator == ' ') {
                    h.fail("004", "ISA", null, "'" + printable(terminator) + "' after ISA16 cannot be the segment "
                            + "terminator (the ISA is " + LENGTH + " characters, then the terminator)");
                }
            }
        }
        return h;
    }

    private void fail(String code, String segment, Integer element, String message) {
        if (ta1Code == null) {
            ta1Code = code;
        }
        errors.add(new X12Error(segment, 1, element, "INVALID_INTERCHANGE_HEADER", message));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /**
     * ISA13 as it stands in the input, when it can be told: nine characters followed by ISA14 and ISA15 of one each.
     * In a header with a delimiter missing, added or swapped, the thirteenth element is some other field, or parts of
     * several: an answer must not name it as the interchange's control number. Empty when there is none readable. A
     * short ISA06 (the sender without its padding) shifts no element: its ISA13 is still read.
     */
    String controlNumber() {
        String value = elements[13];
        boolean tailIntact = value != null && value.length() == WIDTHS[12] && elements[14] != null
                && elements[14].length() == WIDTHS[13] && elements[15] != null && elements[15].length() == WIDTHS[14];
        return tailIntact ? value : "";
    }

    /** The element, if the header could be split that far. */
    String element(int n) {
        String v = elements[n];
        return v == null ? "" : v.strip();
    }

    static String printable(CharSequence s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            sb.append(printable(s.charAt(i)));
        }
        return sb.toString();
    }

    static String printable(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        // beyond ASCII too: a byte that was no UTF-8 (U+FFFD) or a character X12 cannot carry, named rather than shown
        if (c < 0x20 || c >= 0x7f) {
            return String.format("\\u%04x", (int) c);
        }
        return String.valueOf(c);
    }
}
