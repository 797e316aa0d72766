package io.edihub.document;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import java.util.List;

/**
 * What an adjustment reader made of one document: the credit/debit adjustments in it, or why it is refused. Any
 * error refuses the whole document, so that nothing is taken from a file the customer will correct and send again.
 *
 * @param adjustments the adjustments, in the order the document names them (a JSON document holds one, a CSV file
 *                    one or more); empty when refused
 * @param errors      what is wrong with the document, each saying where; empty when it was read
 */
public record AdjustmentDocument(List<Adjustment> adjustments, List<InputError> errors) {

    public AdjustmentDocument {
        adjustments = List.copyOf(adjustments);
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !adjustments.isEmpty()) {
            throw new IllegalArgumentException("a document with errors is refused whole: it carries no adjustments");
        }
    }

    static AdjustmentDocument refused(List<InputError> errors) {
        return new AdjustmentDocument(List.of(), errors);
    }

    /** True when nothing is wrong with the document. */
    public boolean accepted() {
        return errors.isEmpty();
    }
}
