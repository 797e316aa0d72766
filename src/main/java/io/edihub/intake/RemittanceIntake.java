package io.edihub.intake;

import io.edihub.canonical.InputError;
import io.edihub.canonical.Remittance;
import io.edihub.document.OrderFormat;
import io.edihub.document.RemittanceCsvReader;
import io.edihub.document.RemittanceDocument;
import io.edihub.document.RemittanceJsonReader;
import io.edihub.partner.PartnerDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the JSON and CSV remittances customers upload over SFTP (the forms of an 820, {@code
 * schemas/remittance.v1.schema.json}): kept raw, read, and handed to the {@link RemittanceReceiver}, which applies each
 * payment to our invoices. A document's payments are taken whole or not at all, in a savepoint of the file's
 * transaction; the partner finds {@code <id>-<name>.response.json} in its outbound folder with each payment taken and
 * what its lines came to, or every reason it was refused (code and location), and the file goes to error/ with a
 * report beside it.
 */
@Component
class RemittanceIntake {

    private static final WholeDocumentAnswers.Kind KIND = new WholeDocumentAnswers.Kind("remittance", "REMITTANCE_REFUSED");

    private final ObjectProvider<RemittanceReceiver> receivers;
    private final TransactionTemplate nested;
    private final InboundDocuments documents;
    private final WholeDocumentAnswers answers;
    private final RemittanceJsonReader json;
    private final RemittanceCsvReader csv;
    private final Clock clock;
    private final PartnerDirectory partners;

    RemittanceIntake(ObjectProvider<RemittanceReceiver> receivers, PlatformTransactionManager transactions,
            InboundDocuments documents, WholeDocumentAnswers answers, IntakeSettings settings, Clock clock,
            PartnerDirectory partners) {
        this.partners = partners;
        this.receivers = receivers;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.documents = documents;
        this.answers = answers;
        this.json = new RemittanceJsonReader(settings.maxDocumentBytes());
        this.csv = new RemittanceCsvReader(settings.maxDocumentBytes());
        this.clock = clock;
    }

    /**
     * The answer to a remittance file, in the partner's outbound folder.
     *
     * @param status   ACCEPTED (every payment taken) or REJECTED (none: a document is taken whole)
     * @param errors   what is wrong with the document itself, where
     * @param refused  why its payments are refused (code and location in the payment), when they are
     * @param payments the payments taken, each with what its lines came to
     */
    record Response(long documentId, String fileName, String format, String status, List<InputError> errors,
            List<RemittanceReceiver.Refusal> refused, List<RemittanceReceiver.Taken> payments) {
    }

    /** What became of a document: the answer (null when resumed after a crash), and where the file goes now. */
    record Received(Response response, IntakeOutcome outcome) implements InboundDocuments.Processed {
    }

    /**
     * Processes one remittance document from SFTP, in one transaction: kept raw, read, its payments taken or refused
     * whole, answered.
     *
     * @param format REMITTANCE_JSON or REMITTANCE_CSV
     */
    Received receive(String partnerId, String fileName, byte[] content, OrderFormat format) {
        return documents.once(partnerId, fileName, content, "payment(s)", o -> new Received(null, o),
                sha256 -> process(partnerId, fileName, content, sha256, format));
    }

    private Received process(String partnerId, String fileName, byte[] content, String sha256, OrderFormat format) {
        Instant now = clock.instant();
        long documentId = documents.store(partnerId, "SFTP", fileName, content, sha256, format, now);
        String shortFormat = format == OrderFormat.REMITTANCE_CSV ? "CSV" : "JSON";
        RemittanceDocument document = format == OrderFormat.REMITTANCE_CSV ? csv.read(partnerId, fileName, content)
                : json.read(partnerId, fileName, content);
        List<InputError> errors = new ArrayList<>(document.errors());
        RemittanceReceiver.Received received = new RemittanceReceiver.Received(List.of(), List.of());
        RemittanceReceiver receiver = receivers.getIfAvailable();
        if (document.accepted() && TestModeDocuments.inTestMode(partners, partnerId)) {
            errors.add(TestModeDocuments.notTaken(partnerId, "payments"));
        } else if (document.accepted() && receiver == null) {
            errors.add(new InputError("document", "REMITTANCES_NOT_TAKEN", "remittances are not taken here: this hub "
                    + "does not apply payments to invoices"));
        } else if (document.accepted()) {
            received = nested.execute(status -> {
                RemittanceReceiver.Received r = receiver.receive(document.remittances(), documentId, shortFormat);
                if (!r.refused().isEmpty()) {
                    status.setRollbackOnly();
                }
                return r;
            });
        }
        boolean taken = errors.isEmpty() && received.refused().isEmpty();
        Response response = new Response(documentId, fileName, shortFormat, taken ? "ACCEPTED" : "REJECTED", errors,
                received.refused(), taken ? received.payments() : List.of());
        List<String> reasons = new ArrayList<>();
        errors.forEach(e -> reasons.add(e.toString()));
        received.refused().forEach(r -> reasons.add("payment " + r.traceNumber() + ", " + r.location() + ": "
                + r.message() + " [" + r.code() + "]"));
        return new Received(response, answers.answer(KIND, partnerId, documentId, fileName, shortFormat, response, reasons,
                document.remittances().size(), now));
    }
}
