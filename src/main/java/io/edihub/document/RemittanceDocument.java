package io.edihub.document;

import io.edihub.canonical.InputError;
import io.edihub.canonical.Remittance;
import java.util.List;

/**
 * What a remittance reader made of one document: the customer's payments in it, or why it is refused. Any error
 * refuses the whole document, so that nothing is taken from a file the customer will correct and send again.
 *
 * @param remittances the payments, in the order the document names them (a JSON document holds one, a CSV file one
 *                    or more); empty when refused
 * @param errors      what is wrong with the document, each saying where; empty when it was read
 */
public record RemittanceDocument(List<Remittance> remittances, List<InputError> errors) {

    public RemittanceDocument {
        remittances = List.copyOf(remittances);
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !remittances.isEmpty()) {
            throw new IllegalArgumentException("a document with errors is refused whole: it carries no remittances");
        }
    }

    static RemittanceDocument refused(List<InputError> errors) {
        return new RemittanceDocument(List.of(), errors);
    }

    /** True when nothing is wrong with the document. */
    public boolean accepted() {
        return errors.isEmpty();
    }
}
