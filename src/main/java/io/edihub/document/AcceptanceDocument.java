package io.edihub.document;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.InputError;
import java.util.List;

/**
 * What an acceptance reader made of one document: the acceptances in it, one per release, or why it is
 * refused. Any error refuses the whole document, so that no release is taken from a file the customer
 * will correct and send again.
 *
 * @param acceptances one per release the document judges, in the order the document names them; empty when refused
 * @param errors      what is wrong with the document, each saying where; empty when it was read
 */
public record AcceptanceDocument(List<Acceptance> acceptances, List<InputError> errors) {

    public AcceptanceDocument {
        acceptances = List.copyOf(acceptances);
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !acceptances.isEmpty()) {
            throw new IllegalArgumentException("a document with errors is refused whole: it carries no acceptances");
        }
    }

    static AcceptanceDocument refused(List<InputError> errors) {
        return new AcceptanceDocument(List.of(), errors);
    }

    /** True when nothing is wrong with the document. */
    public boolean accepted() {
        return errors.isEmpty();
    }
}
