package io.edihub.document;

import io.edihub.canonical.InputError;
import java.util.ArrayList;
import java.util.List;

/** The errors of one document being read: at most {@link #MAX} of them, and a note when there were more. */
public final class InputErrors {

    /** The most errors reported for one document: enough to fix it, not a flood. */
    public static final int MAX = 100;

    private final List<InputError> list = new ArrayList<>();
    private boolean truncated;

    public void add(InputError error) {
        if (list.size() < MAX) {
            list.add(error);
        } else {
            truncated = true;
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** How many were found so far (a truncated list counts one more). */
    public int size() {
        return list.size() + (truncated ? 1 : 0);
    }

    public List<InputError> list() {
        if (!truncated) {
            return List.copyOf(list);
        }
        List<InputError> all = new ArrayList<>(list);
        all.add(new InputError("document", "TOO_MANY_ERRORS", "more than " + MAX + " errors; the first "
                + MAX + " are listed"));
        return all;
    }
}
