package io.edihub.forms;

import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.ReturnAuthorization;
import io.edihub.canonical.ShipNotice;
import io.edihub.document.BusinessDocumentsCsv;
import io.edihub.document.BusinessDocumentsJson;
import io.edihub.document.ClaimDocumentsJson;
import io.edihub.edifact.DesadvWriter;
import io.edihub.edifact.EdifactEnvelope;
import io.edihub.edifact.InvoicWriter;
import io.edihub.edifact.OrdrspWriter;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerProfile;
import io.edihub.partner.PartnerProfile.DocumentForm;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.CreditNote812Writer;
import io.edihub.x12.Invoice810Writer;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.PoAcknowledgment855Writer;
import io.edihub.x12.ReturnAuthorization180Writer;
import io.edihub.x12.ShipNotice856Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Writes a business document in the form the partner's file asks for ({@code documents.*}) and stores it for the
 * partner's {@code outbound/} folder in the caller's transaction; the outbound delivery writes it after the commit.
 * Whatever the form, the caller's Kafka event goes out: {@code none} only means no file.
 *
 * <p>File names: X12 as they always were ({@code <set>-<ISA13>-<what>.x12}), EDIFACT {@code <message>-<UNB 0020>-<what>.edi}
 * (lower case), JSON {@code <kind>-<what>.json} and CSV {@code <kind>-<what>.csv}. Stored kinds: the X12 set
 * ({@code 810}), the EDIFACT message ({@code INVOIC}), or the document for JSON and CSV ({@code INVOICE}). EDIFACT
 * interchanges are numbered from the partner's interchange control numbers, like its CONTRLs and X12 interchanges, so
 * a number is never sent twice whatever the standard.
 */
@Component
public class OutgoingDocuments {

    /**
     * A document written for a partner, not yet stored.
     *
     * @param kind          what is stored in the kind column: an X12 set, an EDIFACT message, or the document
     * @param controlNumber the ISA13 or UNB 0020, null for JSON and CSV
     */
    public record Written(String kind, String controlNumber, String fileName, String content) {
    }

    private final OutboundDocuments outbound;
    private final ControlNumbers numbers;
    private final OurIdentity us;
    private final PoAcknowledgment855Writer x855;
    private final ShipNotice856Writer x856;
    private final Invoice810Writer x810;
    private final CreditNote812Writer x812;
    private final ReturnAuthorization180Writer x180;
    private final OrdrspWriter ordrsp = new OrdrspWriter();
    private final DesadvWriter desadv = new DesadvWriter();
    private final InvoicWriter invoic = new InvoicWriter();

    OutgoingDocuments(OutboundDocuments outbound, ControlNumbers numbers, OurIdentity us) {
        this.outbound = outbound;
        this.numbers = numbers;
        this.us = us;
        this.x855 = new PoAcknowledgment855Writer(us);
        this.x856 = new ShipNotice856Writer(us);
        this.x810 = new Invoice810Writer(us);
        this.x812 = new CreditNote812Writer(us);
        this.x180 = new ReturnAuthorization180Writer(us);
    }

    /**
     * The form of the partner's acknowledgments of an order: as the file says, and for {@code as-ordered} an 855 for an
     * order that came as X12, JSON for the others.
     */
    public static DocumentForm acknowledgmentForm(PartnerProfile partner, boolean orderedInX12) {
        DocumentForm form = partner.documents().acknowledgment();
        return form == DocumentForm.AS_ORDERED ? orderedInX12 ? DocumentForm.X12 : DocumentForm.JSON : form;
    }

    /**
     * Our answer to an order, in the partner's form; empty when it gets no file.
     *
     * @param orderedInX12 the order came as X12 (what {@code as-ordered} answers with)
     * @param x12Version   GS08 of an 855: the release of the order's group, or {@code 004010}
     */
    public Optional<Written> acknowledgment(PoAcknowledgment ack, PartnerProfile partner, boolean orderedInX12,
            String x12Version, Instant now) {
        String po = safe(ack.poNumber());
        return switch (acknowledgmentForm(partner, orderedInX12)) {
            case X12 -> Optional.of(x12("855", x855.write(ack, partner, numbers, utc(now), x12Version), "-for-" + po));
            case EDIFACT -> Optional.of(edifact("ORDRSP", partner, now, (envelope, at) -> ordrsp.write(ack, envelope, at),
                    "-for-" + po));
            case JSON -> Optional.of(new Written("PO_ACK", null, "po-ack-" + po + "-" + now.toEpochMilli() + ".json",
                    BusinessDocumentsJson.poAcknowledgment(ack)));
            case CSV -> Optional.of(new Written("PO_ACK", null, "po-ack-" + po + "-" + now.toEpochMilli() + ".csv",
                    BusinessDocumentsCsv.poAcknowledgment(ack)));
            default -> Optional.empty();
        };
    }

    /** The ship notice of one shipment in the partner's form; empty when it gets no file. */
    public Optional<Written> shipNotice(ShipNotice notice, PartnerProfile partner, Instant now) {
        String release = safe(notice.releaseId());
        return switch (partner.documents().shipNotice()) {
            case X12 -> Optional.of(x12("856", x856.write(notice, partner, numbers, utc(now)), "-" + release));
            case EDIFACT -> Optional.of(edifact("DESADV", partner, now, (envelope, at) -> desadv.write(notice, envelope,
                    at), "-" + release));
            case JSON -> Optional.of(new Written("SHIP_NOTICE", null, "ship-notice-" + safe(notice.shipmentId()) + ".json",
                    BusinessDocumentsJson.shipNotice(notice)));
            case CSV -> Optional.of(new Written("SHIP_NOTICE", null, "ship-notice-" + safe(notice.shipmentId()) + ".csv",
                    BusinessDocumentsCsv.shipNotice(notice)));
            default -> Optional.empty();
        };
    }

    /** An invoice in the partner's form; empty when it gets no file. */
    public Optional<Written> invoice(Invoice invoice, PartnerProfile partner, Instant now) {
        String number = safe(invoice.invoiceNumber());
        return switch (partner.documents().invoice()) {
            case X12 -> Optional.of(x12("810", x810.write(invoice, partner, numbers, utc(now)), "-" + number));
            case EDIFACT -> Optional.of(edifact("INVOIC", partner, now, (envelope, at) -> invoic.write(invoice, envelope,
                    at), "-" + number));
            case JSON -> Optional.of(new Written("INVOICE", null, "invoice-" + number + ".json",
                    BusinessDocumentsJson.invoice(invoice)));
            case CSV -> Optional.of(new Written("INVOICE", null, "invoice-" + number + ".csv",
                    BusinessDocumentsCsv.invoice(invoice)));
            default -> Optional.empty();
        };
    }

    /**
     * A credit note in the partner's form; empty when it gets no file. An 810 cannot carry a credit of an amount alone
     * (no quantity), so such a one goes as an 812 to a partner that takes 810s.
     */
    public Optional<Written> creditNote(CreditNote note, PartnerProfile partner, Instant now) {
        DocumentForm form = partner.documents().creditNote();
        if (form == DocumentForm.X12 && note.lines().stream().anyMatch(l -> l.quantity() == null)) {
            form = DocumentForm.X12_812;
        }
        String number = safe(note.creditNoteNumber());
        return switch (form) {
            case X12 -> Optional.of(x12("810", x810.writeCreditMemo(note, partner, numbers, utc(now)), "-" + number));
            case X12_812 -> Optional.of(x12("812", x812.write(note, partner, numbers, utc(now)), "-" + number));
            case EDIFACT -> Optional.of(edifact("INVOIC", partner, now, (envelope, at) -> invoic.writeCreditNote(note,
                    envelope, at), "-" + number));
            case JSON -> Optional.of(new Written("CREDIT_NOTE", null, "credit-note-" + number + ".json",
                    ClaimDocumentsJson.creditNote(note)));
            case CSV -> Optional.of(new Written("CREDIT_NOTE", null, "credit-note-" + number + ".csv",
                    BusinessDocumentsCsv.creditNote(note)));
            default -> Optional.empty();
        };
    }

    /** A return authorization in the partner's form; empty when it gets no file. */
    public Optional<Written> returnAuthorization(ReturnAuthorization rma, PartnerProfile partner, Instant now) {
        String number = safe(rma.rmaNumber());
        return switch (partner.documents().returnAuthorization()) {
            case X12 -> Optional.of(x12("180", x180.write(rma, partner, numbers, utc(now)), "-" + number));
            case JSON -> Optional.of(new Written("RETURN_AUTHORIZATION", null, "return-authorization-" + number + ".json",
                    ClaimDocumentsJson.returnAuthorization(rma)));
            default -> Optional.empty();
        };
    }

    /**
     * What a remittance is answered with beyond its 997 or response file: the payment as it was applied (the payment
     * event, {@code schemas/payment.v1.schema.json}) for a partner whose file says {@code remittance-answer: json};
     * empty otherwise.
     */
    public Optional<Written> remittanceAnswer(Object paymentEvent, String traceNumber, PartnerProfile partner) {
        if (partner.documents().remittanceAnswer() != DocumentForm.JSON) {
            return Optional.empty();
        }
        return Optional.of(new Written("PAYMENT", null, "payment-" + safe(traceNumber) + ".json",
                BusinessDocumentsJson.payment(paymentEvent, "the payment of trace number " + traceNumber)));
    }

    /** Stores a written document about an order (or one of its releases) for the outbound delivery route. */
    public void store(PartnerProfile partner, Written written, String poNumber, String releaseId, Instant now) {
        outbound.store(partner.id(), written.kind(), written.controlNumber(), written.fileName(), written.content(), null,
                poNumber, releaseId, now);
    }

    /** The ship notice written and stored, if the partner gets one as a file. */
    public void sendShipNotice(ShipNotice notice, PartnerProfile partner, Instant now) {
        shipNotice(notice, partner, now).ifPresent(w -> store(partner, w, notice.poNumber(), notice.releaseId(), now));
    }

    /** The invoice written and stored, if the partner gets it as a file. */
    public void sendInvoice(Invoice invoice, PartnerProfile partner, Instant now) {
        invoice(invoice, partner, now).ifPresent(w -> store(partner, w, invoice.poNumber(), invoice.releaseId(), now));
    }

    /** The credit note written and stored, if the partner gets it as a file. */
    public void sendCreditNote(CreditNote note, PartnerProfile partner, Instant now) {
        creditNote(note, partner, now).ifPresent(w -> store(partner, w, note.poNumber(), note.releaseId(), now));
    }

    /** The return authorization written and stored, if the partner gets it as a file. */
    public void sendReturnAuthorization(ReturnAuthorization rma, PartnerProfile partner, Instant now) {
        returnAuthorization(rma, partner, now).ifPresent(w -> store(partner, w, rma.poNumber(), rma.releaseId(), now));
    }

    /** The answer to a remittance stored, if the partner gets one ({@code documents.remittance-answer: json}). */
    public void sendRemittanceAnswer(Object paymentEvent, String traceNumber, PartnerProfile partner, Instant now) {
        remittanceAnswer(paymentEvent, traceNumber, partner).ifPresent(w -> outbound.store(partner.id(), w.kind(), null,
                w.fileName(), w.content(), null, now));
    }

    @FunctionalInterface
    private interface EdifactBody {
        String write(EdifactEnvelope envelope, ZonedDateTime now);
    }

    private Written edifact(String message, PartnerProfile partner, Instant now, EdifactBody body, String what) {
        long reference = numbers.next(partner.id(), ControlNumbers.Kind.INTERCHANGE);
        EdifactEnvelope envelope = new EdifactEnvelope(us.isaId(), "ZZZ", partner.edifactId(), null, reference,
                "T".equals(us.usageIndicator()));
        String text = body.write(envelope, utc(now));
        return new Written(message, Long.toString(reference), message.toLowerCase(java.util.Locale.ROOT) + "-" + reference
                + what + ".edi", text);
    }

    /** An X12 interchange, named {@code <set>-<ISA13>-<what>.x12}. */
    private static Written x12(String set, String text, String what) {
        String control = text.substring(90, 99);
        return new Written(set, control, set + "-" + control + what + ".x12", text);
    }

    private static ZonedDateTime utc(Instant now) {
        return now.atZone(ZoneOffset.UTC);
    }

    private static String safe(String name) {
        return name.replaceAll("[^0-9A-Za-z-]", "");
    }
}
