package io.edihub.intake;

import io.edihub.billing.AcceptanceDesk;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.InputError;
import io.edihub.document.AcceptanceCsvReader;
import io.edihub.document.AcceptanceDocument;
import io.edihub.document.AcceptanceJsonReader;
import io.edihub.document.OrderFormat;
import io.edihub.ops.Alerts;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Takes a JSON or CSV acceptance document from a partner's channel (SFTP or HTTP): keeps the raw bytes,
 * reads it, and hands its acceptances to the acceptance desk, which takes the document whole or not at all;
 * the answer says per release what was invoiced or why nothing was taken. All in one transaction.
 */
@Service
public class AcceptanceIntake {

    private final PartnerDirectory partners;
    private final AcceptanceJsonReader json;
    private final AcceptanceCsvReader csv;
    private final AcceptanceDesk desk;
    private final Alerts alerts;
    private final InboundDocuments documents;
    private final Clock clock;

    AcceptanceIntake(PartnerDirectory partners, IntakeSettings settings, AcceptanceDesk desk, Alerts alerts,
            InboundDocuments documents, Clock clock) {
        this.alerts = alerts;
        this.partners = partners;
        this.json = new AcceptanceJsonReader(settings.maxDocumentBytes());
        this.csv = new AcceptanceCsvReader(settings.maxDocumentBytes());
        this.desk = desk;
        this.documents = documents;
        this.clock = clock;
    }

    /** What became of a document: the answer (null when resumed after a crash), and where a file goes now. */
    public record Received(AcceptanceResponse response, IntakeOutcome outcome) implements InboundDocuments.Processed {
    }

    /**
     * Processes one acceptance document.
     *
     * @param channel SFTP or HTTP
     * @param format  ACCEPTANCE_JSON or ACCEPTANCE_CSV
     */
    public Received receive(String partnerId, String channel, String fileName, byte[] content, OrderFormat format) {
        PartnerProfile partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("no partner profile '" + partnerId + "'"));
        return documents.once(partnerId, fileName, content, "acceptance(s)", o -> new Received(null, o),
                sha256 -> process(partner, channel, fileName, content, sha256, format));
    }

    /** The answer was sent: the document is done. */
    public void complete(long documentId) {
        documents.complete(documentId);
    }

    private Received process(PartnerProfile partner, String channel, String fileName, byte[] content, String sha256,
            OrderFormat format) {
        Instant now = clock.instant();
        long documentId = documents.store(partner.id(), channel, fileName, content, sha256, format, now);
        AcceptanceDocument document = format == OrderFormat.ACCEPTANCE_CSV ? csv.read(partner.id(), fileName, content)
                : json.read(partner.id(), fileName, content);
        if (document.accepted() && partner.mode() == PartnerProfile.Mode.TEST) {
            document = new AcceptanceDocument(List.of(), List.of(TestModeDocuments.notTaken(partner.id(), "acceptances")));
        }
        List<AcceptanceDesk.Outcome> outcomes = document.accepted()
                ? desk.takeAll(document.acceptances(), partner, documentId) : List.of();
        desk.alertRefusals(document.acceptances(), outcomes, partner, documentId);
        if (!document.accepted()) {
            alerts.raise("ACCEPTANCE_REFUSED", fileName, partner.id(), null, null, documentId, fileName + " from "
                    + partner.id() + " is not a readable acceptance and was not taken: " + document.errors().stream()
                            .map(InputError::toString).collect(java.util.stream.Collectors.joining("; ")));
        }
        List<AcceptanceResponse.AcceptanceResult> results = outcomes.stream()
                .map(o -> new AcceptanceResponse.AcceptanceResult(o.acceptanceId(), o.releaseId(), o.result().name(),
                        o.code(), o.message(), o.invoiceNumber(), o.invoiceTotal(), o.claims())).toList();
        boolean taken = document.accepted() && results.stream().noneMatch(r -> "REFUSED".equals(r.result()));
        String status = taken ? "ACCEPTED" : "REJECTED";
        AcceptanceResponse response = new AcceptanceResponse(documentId, fileName, format == OrderFormat.ACCEPTANCE_CSV
                ? "CSV" : "JSON", status, document.errors(), results);
        String answer = documentId + "-" + fileName + ".response.json";
        String report = taken ? null : report(partner, fileName, response, answer, now);
        documents.outcome(documentId, status, report);
        List<IntakeOutcome.OutboundFile> outbound = List.of(documents.outbound(partner.id(), "RESPONSE", null, answer,
                CanonicalJson.pretty(response), documentId, now));
        return new Received(response, new IntakeOutcome(documentId, fileName, taken ? IntakeOutcome.Disposition.ARCHIVE
                : IntakeOutcome.Disposition.ERROR, report == null ? "" : report, outbound, false, taken ? results.size() : 0));
    }

    private static String report(PartnerProfile partner, String fileName, AcceptanceResponse r, String answer, Instant at) {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" from partner ").append(partner.id()).append(": REJECTED at ").append(at).append(" (")
                .append(r.format()).append(" acceptance, document ").append(r.documentId()).append(")\n");
        sb.append("Answer sent to outbound/: ").append(answer).append("\nNothing of it was taken.\n\n");
        for (InputError e : r.errors()) {
            sb.append(e).append('\n');
        }
        for (AcceptanceResponse.AcceptanceResult a : r.acceptances()) {
            sb.append("acceptance ").append(a.acceptanceId()).append(" of release ").append(a.releaseId()).append(": ")
                    .append(a.result().toLowerCase()).append(" [").append(a.code()).append("]: ").append(a.message())
                    .append('\n');
        }
        return sb.toString();
    }
}
