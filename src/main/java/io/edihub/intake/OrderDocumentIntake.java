package io.edihub.intake;

import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.InputError;
import io.edihub.canonical.OrderMessage;
import io.edihub.document.CsvOrderReader;
import io.edihub.document.JsonOrderReader;
import io.edihub.document.OrderDocument;
import io.edihub.document.OrderFormat;
import io.edihub.document.UnreadableInput;
import io.edihub.edifact.ContrlWriter;
import io.edihub.edifact.EdifactInterchange;
import io.edihub.edifact.EdifactOrdersReader;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.policy.OrderDesk;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.PoAcknowledgment855Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a JSON, CSV or EDIFACT order document from a partner's channel (SFTP or HTTP): keeps the raw bytes,
 * reads it, and hands every order in it to the {@link OrderDesk}, all in one transaction. A document
 * with anything wrong in it is refused whole, with every error and where it is.
 */
@Service
public class OrderDocumentIntake {

    private static final Logger LOG = LoggerFactory.getLogger(OrderDocumentIntake.class);

    private final PartnerDirectory partners;
    private final JsonOrderReader json;
    private final CsvOrderReader csv;
    private final EdifactOrdersReader edifact;
    private final ContrlWriter contrl = new ContrlWriter();
    private final ControlNumbers controlNumbers;
    private final OurIdentity us;
    private final OrderDesk desk;
    private final InboundDocuments documents;
    private final Clock clock;

    OrderDocumentIntake(PartnerDirectory partners, JsonOrderReader json, CsvOrderReader csv, EdifactOrdersReader edifact,
            ControlNumbers controlNumbers, OurIdentity us, OrderDesk desk, InboundDocuments documents,
            Clock clock) {
        this.partners = partners;
        this.edifact = edifact;
        this.controlNumbers = controlNumbers;
        this.us = us;
        this.json = json;
        this.csv = csv;
        this.desk = desk;
        this.documents = documents;
        this.clock = clock;
    }

    /** What became of a document: the answer, and where a file goes now. */
    public record Received(OrderResponse response, IntakeOutcome outcome) implements InboundDocuments.Processed {
    }

    /**
     * Processes one document.
     *
     * @param channel SFTP or HTTP
     */
    public Received receive(String partnerId, String channel, String fileName, byte[] content, OrderFormat format) {
        PartnerProfile partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("no partner profile '" + partnerId + "'"));
        return documents.once(partnerId, fileName, content, "order(s)", o -> new Received(null, o),
                sha256 -> process(partner, channel, fileName, content, sha256, format));
    }

    /** The answers are written (or sent as the HTTP response): the document is done. */
    public void complete(long documentId) {
        documents.complete(documentId);
    }

    private Received process(PartnerProfile partner, String channel, String fileName, byte[] content, String sha256,
            OrderFormat format) {
        Instant now = clock.instant();
        long documentId = documents.store(partner.id(), channel, fileName, content, sha256, format, now);
        List<IntakeOutcome.OutboundFile> outbound = new ArrayList<>();
        OrderDocument document = switch (format) {
            case JSON -> json.read(partner.id(), fileName, content);
            case CSV -> csv.read(partner.id(), fileName, content);
            case EDIFACT -> edifact(partner, fileName, content, documentId, now, outbound);
            // files of them go to the adjustment intake (the route's choice); this is the order API's answer
            case ADJUSTMENT_JSON, ADJUSTMENT_CSV -> new OrderDocument(format, List.of(), List.of(new InputError("document",
                    "NOT_AN_ORDER", "a credit/debit adjustment in " + (format == OrderFormat.ADJUSTMENT_JSON
                            ? "JSON" : "CSV") + " is no order: send it to POST /api/v1/claims, or upload it over SFTP")));
            // files of them go to the remittance intake (the route's choice); this is the order API's answer
            case REMITTANCE_JSON, REMITTANCE_CSV -> new OrderDocument(format, List.of(), List.of(new InputError("document",
                    "NOT_AN_ORDER", "a remittance in " + (format == OrderFormat.REMITTANCE_JSON ? "JSON" : "CSV")
                            + " is no order: send it to POST /api/v1/remittances, or upload it over SFTP")));
            default -> new OrderDocument(format, List.of(), List.of(OrderFormat.nothingIn(content)
                    .map(nothing -> new InputError("document", "EMPTY", "the file " + nothing + ": there is nothing in it "
                            + "to read. If it should have held orders, the upload may have failed: send it again"))
                    .or(() -> UnreadableInput.describe(content).map(what -> new InputError("document", "UNSUPPORTED_FORMAT",
                            what + ". Nothing was read")))
                    .orElseGet(() -> new InputError("document", "UNSUPPORTED_FORMAT", "not an order document the hub "
                            + "recognises: X12 starts with ISA, EDIFACT with UNA or UNB, JSON with { or [, and CSV with a "
                            + "header row naming po_number"))));
        };
        List<OrderResponse.OrderResult> results = new ArrayList<>();
        int taken = 0;
        // a partner in test mode sends tests only (an EDIFACT interchange without the test indicator was refused above):
        // its orders are read and checked, and none is handed on, so that nothing of a test reaches fulfillment
        boolean test = partner.mode() == PartnerProfile.Mode.TEST && document.accepted();
        if (test) {
            for (OrderMessage message : document.messages()) {
                results.add(new OrderResponse.OrderResult(message.poNumber(), message.purpose().name(), "CHECKED", null,
                        null, "checked, not taken: partner " + partner.id() + " is in test mode", null));
            }
        } else if (document.accepted()) {
            for (OrderMessage message : document.messages()) {
                OrderDesk.Outcome outcome = desk.take(message, partner, documentId);
                if (outcome.acknowledgment() != null
                        && partner.documents().acknowledgment() != PartnerProfile.DocumentForm.AS_ORDERED) {
                    // besides the response: the 855, ORDRSP, JSON or CSV file the partner's file asks for
                    documents.acknowledgment(partner, outcome.acknowledgment(), false,
                            PoAcknowledgment855Writer.DEFAULT_VERSION, documentId, now);
                }
                results.add(new OrderResponse.OrderResult(outcome.poNumber(), message.purpose().name(),
                        outcome.result().name(), outcome.code(), outcome.location(), outcome.message(),
                        outcome.acknowledgment()));
                if (outcome.result() != OrderDesk.Result.REFUSED) {
                    taken++;
                }
            }
        }
        String status = test ? InboundDocuments.ACCEPTED_AS_TEST : !document.accepted() || taken == 0 ? "REJECTED"
                : taken < document.messages().size() ? "PARTIALLY_ACCEPTED" : "ACCEPTED";
        OrderResponse response = new OrderResponse(documentId, fileName, document.format().name(), status,
                document.errors(), results);
        String answer = documentId + "-" + fileName + ".response.json";
        boolean archived = "ACCEPTED".equals(status) || test;
        String report = "ACCEPTED".equals(status) ? null : report(partner, fileName, response, answer, now);
        documents.outcome(documentId, status, report);
        outbound.add(documents.outbound(partner.id(), "RESPONSE", null, answer, CanonicalJson.pretty(response), documentId, now));
        IntakeOutcome outcome = new IntakeOutcome(documentId, fileName, archived
                ? IntakeOutcome.Disposition.ARCHIVE : IntakeOutcome.Disposition.ERROR, report == null || archived ? "" : report,
                outbound, false, taken);
        return new Received(response, outcome);
    }

    /**
     * Reads an EDIFACT interchange, which must come from the partner's own UNB id, and answers it with a
     * CONTRL (added to {@code outbound}) saying which messages were taken.
     */
    private OrderDocument edifact(PartnerProfile partner, String fileName, byte[] content, long documentId, Instant now,
            List<IntakeOutcome.OutboundFile> outbound) {
        EdifactInterchange interchange = edifact.read(fileName, content, partner.id());
        if (interchange.senderId() != null && !interchange.senderId().equals(partner.edifactId())) {
            // never answer a stranger: the report in error/ tells the partner and the operator
            return new OrderDocument(OrderFormat.EDIFACT, List.of(), List.of(new InputError("segment 1 UNB", "SENDER_MISMATCH",
                    "the interchange sender " + interchange.senderId() + " is not partner " + partner.id() + (partner.edifactId()
                            == null ? ", which has no EDIFACT id in its profile" : " (" + partner.edifactId() + ")")
                            + "; nothing was read")));
        }
        if (interchange.senderId() != null && interchange.test() != (partner.mode() == PartnerProfile.Mode.TEST)) {
            interchange = refusedForMode(interchange, partner);
        }
        if (interchange.senderId() != null) {
            String text;
            try {
                text = contrl.write(interchange, us.isaId(), "ZZZ",
                        controlNumbers.next(partner.id(), ControlNumbers.Kind.INTERCHANGE), now.atZone(java.time.ZoneOffset.UTC));
            } catch (IllegalArgumentException e) {
                // an envelope value CONTRL cannot carry: the orders still count, the report says why no CONTRL came
                LOG.warn("{} from {}: no CONTRL can answer it: {}", fileName, partner.id(), e.getMessage());
                List<InputError> errors = new ArrayList<>(interchange.errors());
                errors.add(new InputError("segment 1 UNB", "NO_CONTRL", "no CONTRL could be written for this interchange: "
                        + e.getMessage()));
                return new OrderDocument(OrderFormat.EDIFACT, List.of(), errors);
            }
            String reference = interchange.controlReference() == null ? "unknown"
                    : interchange.controlReference().replaceAll("[^0-9A-Za-z]", "");
            outbound.add(documents.outbound(partner.id(), "CONTRL", null, "contrl-" + documentId + "-for-" + reference
                    + ".edifact", text, documentId, now));
        }
        return new OrderDocument(OrderFormat.EDIFACT, List.copyOf(interchange.orders()), interchange.errors());
    }

    /**
     * The interchange refused whole because its test indicator (UNB 0035) is not of the partner's mode: a test file must
     * never reach fulfillment, nor a real order pass as a test. The CONTRL rejects it on its UCI (0085 14, value not
     * supported in this position, at UNB 0035), every message with it.
     */
    private static EdifactInterchange refusedForMode(EdifactInterchange interchange, PartnerProfile partner) {
        List<InputError> errors = new ArrayList<>(interchange.errors());
        errors.add(new InputError("segment 1 UNB", "WRONG_TEST_INDICATOR", (interchange.test()
                ? "the interchange is marked as a test (UNB 0035 = 1)" : "the interchange is not marked as a test (no UNB "
                        + "0035 = 1)") + ", but partner " + partner.id() + " is in " + partner.mode().name()
                        .toLowerCase(java.util.Locale.ROOT) + " mode and sends only " + (partner.mode()
                                == PartnerProfile.Mode.TEST ? "tests" : "production interchanges") + "; nothing of it was "
                        + "taken. Send it again " + (partner.mode() == PartnerProfile.Mode.TEST ? "with" : "without")
                        + " the test indicator, or have the partner's mode changed"));
        List<EdifactInterchange.Message> messages = interchange.messages().stream().map(m -> new EdifactInterchange.Message(
                m.reference(), m.type(), m.version(), m.release(), m.agency(), EdifactInterchange.Status.REJECTED,
                m.messageError(), m.segmentErrors())).toList();
        return new EdifactInterchange(interchange.fileName(), interchange.senderId(), interchange.senderQualifier(),
                interchange.recipientId(), interchange.recipientQualifier(), interchange.controlReference(),
                interchange.syntaxId(), interchange.syntaxVersion(), interchange.test(), messages, List.of(), errors,
                interchange.interchangeError() != null ? interchange.interchangeError()
                        : new EdifactInterchange.SyntaxError("14", "UNB", 0, 11, 0));
    }

    private static String report(PartnerProfile partner, String fileName, OrderResponse r, String answer, Instant at) {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" from partner ").append(partner.id()).append(": ").append(r.status().replace('_', ' '))
                .append(" at ").append(at).append(" (").append(r.format()).append(", document ").append(r.documentId())
                .append(")\n");
        sb.append("Answer sent to outbound/: ").append(answer).append("\n\n");
        for (InputError e : r.errors()) {
            sb.append(e).append('\n');
        }
        for (OrderResponse.OrderResult o : r.orders()) {
            sb.append("PO ").append(o.poNumber()).append(" (").append(o.purpose().toLowerCase()).append("): ")
                    .append(o.result().toLowerCase());
            if (o.code() != null) {
                sb.append(" [").append(o.code()).append(']');
            }
            if (o.location() != null) {
                sb.append(" at ").append(o.location());
            }
            sb.append(": ").append(o.message()).append('\n');
        }
        return sb.toString();
    }
}
