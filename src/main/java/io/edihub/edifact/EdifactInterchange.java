package io.edihub.edifact;

import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import java.util.List;

/**
 * What the hub made of one EDIFACT interchange: its envelope (UNB), its messages with their verdicts, the
 * orders, and the errors. An interchange with any error is refused whole (DESIGN §2: messages before a Smooks
 * error were already emitted, so nothing of it is taken): then {@code orders} is empty and every message is
 * {@link Status#REJECTED}.
 *
 * @param fileName          the file it came in
 * @param senderId          UNB S002 0004, null when the file has no readable UNB
 * @param senderQualifier   UNB S002 0007
 * @param recipientId       UNB S003 0010
 * @param recipientQualifier UNB S003 0007
 * @param controlReference  UNB 0020, the interchange control reference
 * @param syntaxId          UNB S001 0001 (UNOA, UNOC, ...)
 * @param syntaxVersion     UNB S001 0002
 * @param test              UNB 0035 = 1
 * @param messages          every message (UNH) in order, with its verdict, for the CONTRL
 * @param orders            the canonical orders, one per ORDERS message; empty when the interchange is refused
 * @param errors            everything wrong, each naming its segment; non-empty means refused
 * @param interchangeError  the error the CONTRL reports on its UCI (envelope, truncation, not EDIFACT), if any
 */
public record EdifactInterchange(
        String fileName,
        String senderId,
        String senderQualifier,
        String recipientId,
        String recipientQualifier,
        String controlReference,
        String syntaxId,
        String syntaxVersion,
        boolean test,
        List<Message> messages,
        List<PurchaseOrder> orders,
        List<InputError> errors,
        SyntaxError interchangeError) {

    public EdifactInterchange {
        messages = List.copyOf(messages);
        orders = List.copyOf(orders);
        errors = List.copyOf(errors);
    }

    /** True when the hub takes the interchange's orders. */
    public boolean accepted() {
        return errors.isEmpty();
    }

    /** The verdict on one message, in CONTRL terms (UCM 0083: 7 acknowledged, 4 rejected). */
    public enum Status {
        ACCEPTED, REJECTED
    }

    /**
     * One message of the interchange.
     *
     * @param reference     UNH 0062, the message reference number
     * @param type          UNH S009 0065 (ORDERS)
     * @param version       UNH S009 0052 (D)
     * @param release       UNH S009 0054 (96A)
     * @param agency        UNH S009 0051 (UN)
     * @param status        its verdict
     * @param messageError  an error about the message envelope itself (UNH / UNT) for the UCM, if any
     * @param segmentErrors errors pinned to segments of the message body (UCS / UCD)
     */
    public record Message(String reference, String type, String version, String release, String agency,
            Status status, SyntaxError messageError, List<SyntaxError> segmentErrors) {

        public Message {
            segmentErrors = List.copyOf(segmentErrors);
        }
    }

    /**
     * An error as a CONTRL pins it.
     *
     * @param code             EDIFACT syntax error code (0085): 12 invalid value, 13 missing, 15 not supported in
     *                         this position, 28 references do not match, 29 control count does not match, 37
     *                         invalid type of characters ...
     * @param segmentTag       the segment it is about (UNB, UNZ, UNT, QTY, ...)
     * @param segmentPosition  the segment's position in its message, UNH being 1 (UCS 0096); 0 for the envelope
     * @param elementPosition  the data element's position in the segment (S011 0098); 0 for the segment as a whole
     * @param componentPosition the component's position in its composite (S011 0104); 0 for none
     */
    public record SyntaxError(String code, String segmentTag, int segmentPosition, int elementPosition,
            int componentPosition) {
    }
}
