package io.edihub.document;

import io.edihub.canonical.InputError;
import io.edihub.canonical.OrderMessage;
import java.util.List;
import java.util.Objects;

/**
 * What a format reader made of one input document: the orders in it, or why it is refused.
 *
 * <p>Any error refuses the whole document: a reader that found an error returns no messages, so a
 * caller cannot store half of a file the customer will correct and send again.
 *
 * @param format   the format the document was read as
 * @param messages the orders and order changes it holds, in document order; empty when refused
 * @param errors   what is wrong with it, each saying where; empty when accepted
 */
public record OrderDocument(OrderFormat format, List<OrderMessage> messages, List<InputError> errors) {

    public OrderDocument {
        Objects.requireNonNull(format, "format");
        if (!errors.isEmpty() && !messages.isEmpty()) {
            throw new IllegalArgumentException("a document with errors is refused whole: it carries no messages");
        }
        messages = List.copyOf(messages);
        errors = List.copyOf(errors);
    }

    /** A refused document. */
    static OrderDocument refused(OrderFormat format, List<InputError> errors) {
        return new OrderDocument(format, List.of(), errors);
    }

    /** True when nothing is wrong with the document. */
    public boolean accepted() {
        return errors.isEmpty();
    }
}
