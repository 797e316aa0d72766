package io.edihub.document;

import io.edihub.canonical.InputError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV document grouped by the column that names the document each row belongs to (an adjustment
 * number, a payment's trace number): every group's own values, stated on any of its rows and the same on all of
 * them (a blank cell says nothing), and what its lines make.
 *
 * @param <T> what a group's lines are collected in
 */
final class CsvGroups<T> {

    /** A value stated on some row: for comparing with the same column on other rows. */
    record Stated(String text, long row) {
    }

    /** Everything read for one document of the file. */
    static final class Group<T> {

        final String key;
        final long firstRow;
        final T lines;
        private final Map<String, Stated> values = new LinkedHashMap<>();

        private Group(String key, long firstRow, T lines) {
            this.key = key;
            this.firstRow = firstRow;
            this.lines = lines;
        }

        /** The value of one of its columns, null when no row stated it. */
        String text(String column) {
            Stated s = values.get(column);
            return s == null ? null : s.text();
        }

        /** Where a column's value was first stated ({@code row N, column}), or its first row when nowhere. */
        String at(String column) {
            Stated s = values.get(column);
            return s == null ? "row " + firstRow : CsvInput.at(s.row(), column);
        }
    }

    private final String keyColumn;
    private final int maxKey;
    private final String noun;
    private final Function<String, T> linesOf;
    private final InputErrors errors;
    private final Map<String, Group<T>> groups = new LinkedHashMap<>();

    /**
     * @param keyColumn the column naming each row's document
     * @param maxKey    its longest value
     * @param noun      what a group is, in the sender's words ({@code adjustment}, {@code payment})
     * @param linesOf   makes the collector of a new group's lines from its key
     */
    CsvGroups(String keyColumn, int maxKey, String noun, Function<String, T> linesOf, InputErrors errors) {
        this.keyColumn = keyColumn;
        this.maxKey = maxKey;
        this.noun = noun;
        this.linesOf = linesOf;
        this.errors = errors;
    }

    /** The group the row belongs to; null (and an error) when the row names none or a bad one. */
    Group<T> of(CsvHeader header, CSVRecord record) {
        long row = record.getRecordNumber();
        String key = header.value(record, keyColumn);
        if (key.isEmpty()) {
            errors.add(new InputError(CsvInput.at(row, keyColumn), "MISSING_VALUE", keyColumn + " is empty: every row names "
                    + "its " + noun));
            return null;
        }
        if (CsvInput.text(key, maxKey, CsvInput.at(row, keyColumn), errors) == null) {
            return null;
        }
        return groups.computeIfAbsent(key, k -> new Group<>(k, row, linesOf.apply(k)));
    }

    /**
     * A group's own value on this row: checked, then the same as on its other rows.
     *
     * @param group the row's group, or null when it has none (the value is still checked)
     * @param check the value as kept, or null when it is wrong (and an error said so)
     */
    void stated(CsvHeader header, CSVRecord record, Group<T> group, String column, UnaryOperator<String> check) {
        long row = record.getRecordNumber();
        String value = header.value(record, column);
        if (value.isEmpty()) {
            return;
        }
        String kept = check.apply(value);
        if (kept == null || group == null) {
            return;
        }
        Stated first = group.values.putIfAbsent(column, new Stated(kept, row));
        if (first != null && !first.text().equals(kept)) {
            errors.add(new InputError(CsvInput.at(row, column), "HEADER_MISMATCH", "'" + value + "' differs from '"
                    + first.text() + "' on row " + first.row() + ": " + noun + " " + group.key + " has one " + column
                    + " on all its rows"));
        }
    }

    /** The groups, in the order the file first names them. */
    Collection<Group<T>> all() {
        return groups.values();
    }
}
