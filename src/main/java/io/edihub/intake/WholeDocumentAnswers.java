package io.edihub.intake;

import io.edihub.canonical.CanonicalJson;
import io.edihub.ops.Alerts;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How the intake answers a JSON or CSV document that a module takes whole or refuses whole (credit adjustments,
 * remittances): {@code <id>-<name>.response.json} in the partner's outbound folder; when refused, a report for error/
 * that says nothing of it was taken and every reason, and an alert for the operators. The document's outcome is
 * recorded either way.
 */
@Component
class WholeDocumentAnswers {

    private final InboundDocuments documents;
    private final Alerts alerts;

    WholeDocumentAnswers(InboundDocuments documents, Alerts alerts) {
        this.documents = documents;
        this.alerts = alerts;
    }

    /**
     * What a document was, for the report and the alert.
     *
     * @param kind      what the document holds, in words ({@code adjustment}, {@code remittance})
     * @param alertKind the alert raised when it is refused ({@code ADJUSTMENT_REFUSED})
     */
    record Kind(String kind, String alertKind) {
    }

    /**
     * Records the outcome and stores the response for the partner's outbound folder; says where the file goes.
     *
     * @param response the answer, written as JSON
     * @param reasons  when refused, every reason in one line each (the document's errors, then each refusal); empty
     *                 when taken
     * @param count    what the document held that was taken (for the log)
     */
    IntakeOutcome answer(Kind kind, String partnerId, long documentId, String fileName, String format, Object response,
            List<String> reasons, int count, Instant now) {
        boolean taken = reasons.isEmpty();
        String answer = documentId + "-" + fileName + ".response.json";
        String report = null;
        if (!taken) {
            StringBuilder sb = new StringBuilder();
            sb.append(fileName).append(" from partner ").append(partnerId).append(": REJECTED at ").append(now)
                    .append(" (").append(format).append(' ').append(kind.kind()).append(", document ").append(documentId)
                    .append(")\nAnswer sent to outbound/: ").append(answer).append("\nNothing of it was taken.\n\n");
            reasons.forEach(r -> sb.append(r).append('\n'));
            report = sb.toString();
            alerts.raise(kind.alertKind(), fileName, partnerId, null, null, documentId, fileName + " from " + partnerId
                    + " was not taken: " + String.join("; ", reasons));
        }
        documents.outcome(documentId, taken ? "ACCEPTED" : "REJECTED", report);
        List<IntakeOutcome.OutboundFile> outbound = List.of(documents.outbound(partnerId, "RESPONSE", null, answer,
                CanonicalJson.pretty(response), documentId, now));
        return new IntakeOutcome(documentId, fileName, taken ? IntakeOutcome.Disposition.ARCHIVE
                : IntakeOutcome.Disposition.ERROR, report == null ? "" : report, outbound, false, taken ? count : 0);
    }
}
