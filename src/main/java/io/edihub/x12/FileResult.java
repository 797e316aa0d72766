package io.edihub.x12;

import java.util.List;

/**
 * Everything found in one input file: errors that concern the file as a whole, and its interchanges.
 */
public record FileResult(String fileName, List<X12Error> errors, List<InterchangeResult> interchanges) {

    public FileResult {
        errors = List.copyOf(errors);
        interchanges = List.copyOf(interchanges);
    }

    /** True when nothing in the file was refused: every interchange, group and transaction set taken. */
    public boolean fullyAccepted() {
        return errors.isEmpty() && !interchanges.isEmpty() && interchanges.stream().allMatch(i -> !i.rejected()
                && !i.groups().isEmpty()
                && i.groups().stream().allMatch(g -> !g.rejected() && g.accepted() == g.transactions().size()));
    }

    /** Every error of the file, each prefixed with where it was found, for the error file and the log. */
    public List<String> describeErrors() {
        List<String> lines = new java.util.ArrayList<>();
        errors.forEach(e -> lines.add("file: " + e));
        for (InterchangeResult i : interchanges) {
            String ic = i.envelope().controlNumber().isEmpty() ? "interchange with no readable ISA13"
                    : "interchange " + i.envelope().controlNumber();
            i.errors().forEach(e -> lines.add(ic + ": " + e));
            for (GroupResult g : i.groups()) {
                String gp = ic + " group " + g.controlNumber();
                g.errors().forEach(e -> lines.add(gp + ": " + e));
                for (TransactionResult t : g.transactions()) {
                    String tp = gp + " set " + t.type() + " " + t.controlNumber() + " " + t.status();
                    t.errors().forEach(e -> lines.add(tp + ": " + e));
                }
            }
        }
        return lines;
    }
}
