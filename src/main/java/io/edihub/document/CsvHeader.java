package io.edihub.document;

import io.edihub.canonical.InputError;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** The header row of a CSV document: which column is where. */
final class CsvHeader {

    private final long row;
    private final int width;
    private final Map<String, Integer> index;

    private CsvHeader(long row, int width, Map<String, Integer> index) {
        this.row = row;
        this.width = width;
        this.index = Map.copyOf(index);
    }

    /**
     * Reads a header row: every column named, none unknown or twice, the required ones there.
     *
     * @return the header, or null when something is wrong with it (said in {@code errors}): reading the
     *         rows under a wrong header would only repeat the same mistake on every row
     */
    static CsvHeader read(CSVRecord record, CsvInput.Layout layout, InputErrors errors) {
        long row = record.getRecordNumber();
        boolean namesAColumn = record.stream().map(CsvInput::normalise)
                .anyMatch(name -> Misspellings.likelyMeant(name, layout.columns()) != null);
        if (!namesAColumn) {
            // data where the header should be: one error says so, rather than one per value
            errors.add(new InputError("row " + row, "MISSING_HEADER", "row " + row + " names no column: the first row"
                    + " is a header naming the columns (" + String.join(", ", layout.columns()) + "), then "
                    + layout.rowsAre()));
            return null;
        }
        int before = errors.size();
        Map<String, Integer> index = new HashMap<>();
        boolean listed = false;
        for (int i = 0; i < record.size(); i++) {
            String name = CsvInput.normalise(record.get(i));
            if (name.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, Integer.toString(i + 1)), "UNKNOWN_COLUMN",
                        "column " + (i + 1) + " has no name: every column needs a header"));
            } else if (!layout.columns().contains(name)) {
                String meant = Misspellings.likelyMeant(name, layout.columns());
                String suggestion;
                if (meant != null) {
                    suggestion = " (did you mean " + meant + "?)";
                } else if (listed) {
                    suggestion = "";
                } else {
                    listed = true;
                    suggestion = "; the columns are: " + String.join(", ", layout.columns());
                }
                errors.add(new InputError(CsvInput.at(row, name), "UNKNOWN_COLUMN",
                        "unknown column '" + name + "'" + suggestion));
            } else if (index.putIfAbsent(name, i) != null) {
                errors.add(new InputError(CsvInput.at(row, name), "DUPLICATE_COLUMN", "column " + name + " appears twice"));
            }
        }
        for (String column : layout.columns()) {
            if (layout.required().contains(column) && !index.containsKey(column)) {
                errors.add(new InputError("row " + row, "MISSING_COLUMN", "required column " + column + " is missing"));
            }
        }
        return errors.size() > before ? null : new CsvHeader(row, record.size(), index);
    }

    /** The row the header is on. */
    public long row() {
        return row;
    }

    /** How many columns the header names: every row has as many values. */
    public int width() {
        return width;
    }

    /** True when the header names the column. */
    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** A row's value in a column, without surrounding blanks; empty when blank or when there is no such column. */
    public String value(CSVRecord record, String column) {
        Integer i = index.get(column);
        return i == null ? "" : record.get(i).strip();
    }
}
