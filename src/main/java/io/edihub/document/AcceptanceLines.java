package io.edihub.document;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.InputError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one release's acceptance as a reader finds them, with the rules the JSON and the CSV
 * format share: an order line is judged once, and a line that accepts, returns and disputes nothing says
 * nothing (most likely a quantity was left out by mistake).
 */
final class AcceptanceLines {

    private final String releaseId;
    private final Map<String, String> listedAt = new HashMap<>();
    private final List<Acceptance.Line> lines = new ArrayList<>();

    AcceptanceLines(String releaseId) {
        this.releaseId = releaseId;
    }

    /**
     * Adds a line.
     *
     * @param line     the line as read; null when one of its values was wrong (and said so), so that only
     *                 its line number counts
     * @param numberAt where its line number is, for an error about it
     * @param lineAt   where the line is ({@code /lines/2}, {@code row 4}), for an error about all of it
     */
    void add(String lineNumber, Acceptance.Line line, String numberAt, String lineAt, InputErrors errors) {
        String first = listedAt.putIfAbsent(lineNumber, lineAt);
        if (first != null) {
            errors.add(new InputError(numberAt, "DUPLICATE_LINE_NUMBER", "line " + lineNumber + " of release " + releaseId
                    + " is judged twice (first at " + first + "): an order line is accepted once, with all its quantities"));
            return;
        }
        if (line == null) {
            return;
        }
        if (line.accepted().signum() == 0 && line.returned().signum() == 0 && line.disputed().signum() == 0) {
            errors.add(new InputError(lineAt, "EMPTY_LINE", "line " + lineNumber + " accepts, returns and disputes nothing:"
                    + " a line states at least one quantity greater than zero"));
            return;
        }
        lines.add(line);
    }

    List<Acceptance.Line> lines() {
        return List.copyOf(lines);
    }

    /** The error for a quantity below zero: what was not accepted is returned or disputed, never negative. */
    static InputError negative(String at, String shown, String quantity) {
        return new InputError(at, "NEGATIVE_QUANTITY", shown + " is less than zero: the quantity " + quantity
                + " is zero or more (what is not accepted is stated as returned or disputed)");
    }
}
