package io.edihub.x12;

import java.util.Arrays;

/**
 * Walks one transaction set's segments and elements through its {@link TransactionTable}: where each segment stands
 * (which loops it ends and begins) and whether anything in it is doubtful. It never says what is wrong: the first
 * doubt makes the set {@link #doubtful()}, and the reader then has StAEDI read the set with its schema to say it in
 * the codes of the acknowledgments.
 *
 * <p>Each segment costs a lookup of its id among the places of the current loop and its enclosing loops; each element
 * a few comparisons. One walk per reader pass, reused set after set; not thread-safe.
 */
final class TransactionWalk {

    /** What the walk tells its reader as segments come: the loops that end and begin, as StAEDI would name them. */
    interface Loops {

        void loopEnded();

        void loopStarted(String code);
    }

    private static final int MAX_DEPTH = 32;

    private TransactionTable.Loop[] loops = new TransactionTable.Loop[MAX_DEPTH];
    private final int[] place = new int[MAX_DEPTH];
    private final int[][] used = new int[MAX_DEPTH][];
    private int depth;
    private boolean doubtful;

    private TransactionTable.Segment segment;
    private long present;
    private int compositePosition;
    private int compositeOccurrence;
    private long compositePresent;
    private TransactionTable.Position composite;

    /** Starts the body of a set, right after its ST. */
    void begin(TransactionTable table) {
        depth = 0;
        loops[0] = table.root;
        place[0] = -1;
        used[0] = counts(0, table.root.tags.length);
        doubtful = table.root.verify;
        segment = null;
    }

    /** Whether anything in the set so far may be an error StAEDI reports. */
    boolean doubtful() {
        return doubtful;
    }

    /** Something the table cannot judge (a segment with a broken tag, a text StAEDI would not return): StAEDI decides. */
    void doubt() {
        doubtful = true;
    }

    /**
     * A body segment begins: finds its place, ending the loops it leaves and beginning the one it starts. After the
     * first doubt the places are no longer followed.
     */
    void segment(String tag, Loops listener) {
        finishComposite();
        segment = null;
        if (doubtful) {
            return;
        }
        int d = depth;
        while (true) {
            TransactionTable.Loop loop = loops[d];
            int at = place[d];
            int[] candidates = loop.places.get(tag);
            int found = -1;
            if (candidates != null) {
                for (int c : candidates) {
                    // place 0 of a loop is its first segment: seen again, it begins the next occurrence, one level up
                    if (c >= at && (d == 0 || c > 0)) {
                        found = c;
                        break;
                    }
                }
            }
            if (found >= 0) {
                int[] counts = used[d];
                if (at >= 0 && found > at && counts[at] < loop.min[at]) {
                    doubtful = true;
                    return;
                }
                for (int skipped = at + 1; skipped < found; skipped++) {
                    if (loop.min[skipped] > 0) {
                        doubtful = true;
                        return;
                    }
                }
                if (++counts[found] > loop.max[found]) {
                    doubtful = true;
                    return;
                }
                for (int closed = depth; closed > d; closed--) {
                    listener.loopEnded();
                }
                depth = d;
                place[d] = found;
                TransactionTable.Loop inner = loop.loops[found];
                if (inner != null) {
                    if (inner.verify || d + 1 >= MAX_DEPTH) {
                        doubtful = true;
                        return;
                    }
                    depth = d + 1;
                    loops[depth] = inner;
                    place[depth] = 0;
                    used[depth] = counts(depth, inner.tags.length);
                    used[depth][0] = 1;
                    listener.loopStarted(inner.code);
                }
                segment = loop.segments[found];
                present = 0;
                compositePosition = 0;
                if (segment.verify) {
                    doubtful = true;
                    segment = null;
                }
                return;
            }
            if (d == 0 || !complete(d)) {
                doubtful = true;
                return;
            }
            d--;
        }
    }

    /** The set's trailer (or whatever ends it) comes: every loop still open ends, with nothing required missing. */
    void end(Loops listener) {
        finishComposite();
        segment = null;
        if (doubtful) {
            return;
        }
        for (int d = depth; d >= 0; d--) {
            if (!complete(d)) {
                doubtful = true;
                return;
            }
        }
        for (int d = depth; d > 0; d--) {
            listener.loopEnded();
        }
        depth = 0;
    }

    /** Whether the position is a composite in the current segment (StAEDI then reports an empty simple value not at all). */
    boolean compositeAt(int position) {
        TransactionTable.Segment s = segment;
        return s != null && position > 0 && position < s.positions.length && s.positions[position].composite();
    }

    /**
     * One element value of the current segment.
     *
     * @param component  the component position, or 0 (or less) for a simple element
     * @param occurrence the repeat, 1 for the first
     */
    void element(int position, int component, int occurrence, String text) {
        TransactionTable.Segment s = segment;
        if (s == null) {
            return;
        }
        if (position < 1 || position >= s.positions.length || position >= 64) {
            fail();
            return;
        }
        TransactionTable.Position p = s.positions[position];
        int repeat = Math.max(occurrence, 1);
        if (repeat > p.maxOccurs || repeat > 1 && p.maxOccurs <= 1) {
            fail();
            return;
        }
        boolean given = !text.isEmpty();
        if (p.components == null) {
            if (component > 0) {
                fail();
                return;
            }
            if (given) {
                if (!valid(p.element, text)) {
                    fail();
                    return;
                }
                present |= 1L << position;
            }
            return;
        }
        int c = Math.max(component, 1);
        if (c >= p.components.length || c >= 64) {
            fail();
            return;
        }
        if (position != compositePosition || repeat != compositeOccurrence) {
            finishComposite();
            if (segment == null) {
                return;
            }
            compositePosition = position;
            compositeOccurrence = repeat;
            compositePresent = 0;
            composite = p;
        }
        if (given) {
            if (!valid(p.components[c], text)) {
                fail();
                return;
            }
            compositePresent |= 1L << c;
            present |= 1L << position;
        }
    }

    /** The current segment ends: its required elements and syntax rules. */
    void endSegment() {
        finishComposite();
        TransactionTable.Segment s = segment;
        if (s == null) {
            return;
        }
        if ((present & s.required) != s.required) {
            fail();
            return;
        }
        for (TransactionTable.Rule rule : s.rules) {
            if (!rule.holds(present)) {
                fail();
                return;
            }
        }
        segment = null;
    }

    private void finishComposite() {
        if (compositePosition > 0) {
            if (compositePresent != 0 && (compositePresent & composite.requiredComponents) != composite.requiredComponents) {
                fail();
            }
            compositePosition = 0;
        }
    }

    private void fail() {
        doubtful = true;
        segment = null;
        compositePosition = 0;
    }

    /** Whether loop level d has every place after its current one that it requires, and enough of the current one. */
    private boolean complete(int d) {
        TransactionTable.Loop loop = loops[d];
        int at = place[d];
        if (at >= 0 && used[d][at] < loop.min[at]) {
            return false;
        }
        for (int rest = at + 1; rest < loop.min.length; rest++) {
            if (loop.min[rest] > 0) {
                return false;
            }
        }
        return true;
    }

    private int[] counts(int level, int size) {
        int[] counts = used[level];
        if (counts == null || counts.length < size) {
            counts = new int[Math.max(size, 16)];
        } else {
            Arrays.fill(counts, 0, size, 0);
        }
        used[level] = counts;
        return counts;
    }

    /**
     * Whether StAEDI accepts the value for its type without a doubt. Stricter than StAEDI where that is simpler: a
     * character outside printable ASCII, a six-digit date, a number in exponent form are all left to StAEDI.
     */
    static boolean valid(TransactionTable.Element e, String text) {
        int length = text.length();
        switch (e.base()) {
            case STRING, IDENTIFIER -> {
                if (length < e.minLength() || length > e.maxLength()) {
                    return false;
                }
                if (e.codes() != null) {
                    return e.codes().contains(text);
                }
                for (int i = 0; i < length; i++) {
                    char ch = text.charAt(i);
                    if (ch < 0x20 || ch > 0x7E) {
                        return false;
                    }
                }
                return true;
            }
            case NUMERIC -> {
                int digits = 0;
                for (int i = 0; i < length; i++) {
                    char ch = text.charAt(i);
                    if (ch >= '0' && ch <= '9') {
                        digits++;
                    } else if (!(ch == '-' && i == 0)) {
                        return false;
                    }
                }
                return digits > 0 && digits >= e.minLength() && digits <= e.maxLength();
            }
            case DECIMAL -> {
                int digits = 0;
                boolean point = false;
                for (int i = 0; i < length; i++) {
                    char ch = text.charAt(i);
                    if (ch >= '0' && ch <= '9') {
                        digits++;
                    } else if (ch == '.' && !point) {
                        point = true;
                    } else if (!(ch == '-' && i == 0)) {
                        return false;
                    }
                }
                return digits > 0 && digits >= e.minLength() && digits <= e.maxLength();
            }
            case DATE -> {
                if (length != 8 || length < e.minLength() || length > e.maxLength() || !digits(text)) {
                    return false;
                }
                int year = Integer.parseInt(text, 0, 4, 10);
                int month = Integer.parseInt(text, 4, 6, 10);
                int day = Integer.parseInt(text, 6, 8, 10);
                if (month < 1 || month > 12 || day < 1) {
                    return false;
                }
                int days = switch (month) {
                    case 4, 6, 9, 11 -> 30;
                    case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
                    default -> 31;
                };
                return day <= days;
            }
            case TIME -> {
                if (length != 4 && length != 6 && length != 7 && length != 8 || length < e.minLength()
                        || length > e.maxLength() || !digits(text)) {
                    return false;
                }
                int hours = Integer.parseInt(text, 0, 2, 10);
                int minutes = Integer.parseInt(text, 2, 4, 10);
                int seconds = length >= 6 ? Integer.parseInt(text, 4, 6, 10) : 0;
                return hours < 24 && minutes < 60 && seconds < 60;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
