package io.edihub.edifact;

import static io.edihub.edifact.OutboundMessage.e;
import static io.edihub.edifact.OutboundMessage.number;
import static io.edihub.edifact.OutboundMessage.text;

import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.ScheduleLine;
import io.xlate.edi.stream.EDIStreamException;
import java.time.ZonedDateTime;

/**
 * Writes our answer to a purchase order as an EDIFACT ORDRSP D96A, the same facts as the 855: BGM 231 (purchase order
 * response) with the PO number and the answer (1225: 29 accepted without amendment, 30 accepted with amendment, 27 not
 * accepted), DTM 137 (our answer's date), RFF ON with the order's date, AAN (the customer's release number), CT (the
 * contract); NAD SU with our supplier number; CUX (the order currency); per line LIN with the line's status (1229: 5
 * accepted, 6 accepted with amendment, 7 not accepted), PIA (our and the buyer's part), IMD, QTY 21 (ordered), FTX (why,
 * when the line is not taken as ordered: the one thing the 855 cannot carry), PRI (the price we will bill), and per
 * confirmed delivery SCC 1 with QTY 113 and DTM 2; UNS and CNT 2.
 *
 * <p>Thread-safe.
 */
public final class OrdrspWriter {

    /** BGM 1001: purchase order response. */
    static final String ORDER_RESPONSE = "231";

    private final OutboundMessage message = new OutboundMessage("ORDRSP");

    /**
     * The ORDRSP answering one order or change.
     *
     * @throws IllegalArgumentException when it cannot be written as EDIFACT
     */
    public String write(PoAcknowledgment ack, EdifactEnvelope envelope, ZonedDateTime now) {
        String function = switch (ack.type()) {
            case AD -> "29";
            case AC -> "30";
            case RD, RJ -> "27";
        };
        return message.write("the acknowledgment of PO " + ack.poNumber(), envelope, now, m -> {
            m.write("BGM", e(ORDER_RESPONSE), e(ack.poNumber()), e(function));
            m.date("137", ack.date());
            m.write("RFF", e("ON", ack.poNumber()));
            m.date("171", ack.orderDate());
            if (ack.releaseNumber() != null && !ack.releaseNumber().isBlank()) {
                m.write("RFF", e("AAN", ack.releaseNumber()));
            }
            if (ack.contractNumber() != null) {
                m.write("RFF", e("CT", ack.contractNumber()));
            }
            if (ack.supplierNumber() != null) {
                m.write("NAD", e("SU"), e(ack.supplierNumber(), null, "92"));
            }
            if (ack.currency() != null) {
                // 9: the order currency, in which the prices below are
                m.write("CUX", e("2", ack.currency(), "9"));
            }
            int lines = 0;
            if (ack.type() != PoAcknowledgment.Type.RJ) {
                for (PoAcknowledgment.LineAck line : ack.lines()) {
                    line(m, line);
                    lines++;
                }
            }
            m.write("UNS", e("S"));
            m.write("CNT", e("2", Integer.toString(lines)));
        });
    }

    private static void line(OutboundMessage.Segments m, PoAcknowledgment.LineAck line) throws EDIStreamException {
        String action = switch (line.status()) {
            case IA -> "5";
            case IP, IQ, DR -> "6";
            case IR, R1 -> "7";
        };
        m.write("LIN", e(line.lineNumber()), e(action));
        InvoicWriter.parts(m, line.vendorPart(), line.buyerPart());
        String words = text(line.description(), 70);
        if (words != null) {
            m.write("IMD", e("F"), e(), e(null, null, null, words.length() > 35 ? words.substring(0, 35) : words,
                    words.length() > 35 ? words.substring(35) : null));
        }
        if (line.quantity() != null) {
            m.write("QTY", e("21", number(line.quantity()), line.unit()));
        }
        String note = text(line.note(), 350);
        if (note != null && line.status() != PoAcknowledgment.LineStatus.IA) {
            // AAI: general information, in up to five pieces of 70 characters
            String[] pieces = new String[5];
            for (int i = 0; i < 5 && i * 70 < note.length(); i++) {
                pieces[i] = note.substring(i * 70, Math.min(note.length(), (i + 1) * 70));
            }
            m.write("FTX", e("AAI"), e(), e(), pieces);
        }
        if (line.unitPrice() != null) {
            m.write("PRI", e("AAA", number(line.unitPrice())));
        }
        boolean rejected = line.status() == PoAcknowledgment.LineStatus.IR || line.status() == PoAcknowledgment.LineStatus.R1;
        if (rejected) {
            return;
        }
        for (ScheduleLine s : line.schedule()) {
            // 1: firm; QTY 113 to be delivered on DTM 2 (the delivery date asked for, which we confirm)
            m.write("SCC", e("1"));
            m.write("QTY", e("113", number(s.quantity()), s.unit() != null ? s.unit() : line.unit()));
            m.date("2", s.deliveryDate());
        }
    }
}
