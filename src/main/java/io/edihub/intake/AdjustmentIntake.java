package io.edihub.intake;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import io.edihub.claims.Claim;
import io.edihub.claims.Claims;
import io.edihub.document.AdjustmentCsvReader;
import io.edihub.document.AdjustmentDocument;
import io.edihub.document.AdjustmentJsonReader;
import io.edihub.document.OrderFormat;
import io.edihub.partner.PartnerDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the credit adjustments customers send about our invoices (an 812, its JSON and CSV forms over SFTP or HTTP):
 * each becomes a claim after invoicing ({@link Claims#raiseOnInvoice}), checked against the invoice it names. A
 * document's adjustments are taken whole or not at all, in a savepoint of the caller's transaction: one refused undoes
 * the others, and the sender is told each reason. A debit adjustment (the customer owes more) is no claim and is
 * refused; the same adjustment number again is the claim raised before.
 */
@Component
public class AdjustmentIntake implements AdjustmentReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(AdjustmentIntake.class);

    private final Claims claims;
    private final TransactionTemplate nested;
    private final InboundDocuments documents;
    private final AdjustmentJsonReader json;
    private final AdjustmentCsvReader csv;
    private final WholeDocumentAnswers answers;
    private final Clock clock;
    private final PartnerDirectory partners;

    private static final WholeDocumentAnswers.Kind KIND = new WholeDocumentAnswers.Kind("adjustment", "ADJUSTMENT_REFUSED");

    AdjustmentIntake(Claims claims, PlatformTransactionManager transactions, InboundDocuments documents,
            IntakeSettings settings, WholeDocumentAnswers answers, Clock clock, PartnerDirectory partners) {
        this.partners = partners;
        this.claims = claims;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.documents = documents;
        this.json = new AdjustmentJsonReader(settings.maxDocumentBytes());
        this.csv = new AdjustmentCsvReader(settings.maxDocumentBytes());
        this.answers = answers;
        this.clock = clock;
    }

    /**
     * The answer to a JSON or CSV adjustment document: the HTTP response body, and {@code <name>.response.json} in the
     * partner's outbound folder for files.
     *
     * @param status      ACCEPTED (every adjustment became a claim) or REJECTED (nothing taken: a document is taken whole)
     * @param errors      what is wrong with the document itself, where
     * @param adjustments why each adjustment was refused, when it was
     * @param claims      the numbers of the claims raised (or raised before by the same adjustment), when taken
     */
    public record Response(long documentId, String fileName, String format, String status, List<InputError> errors,
            List<Refusal> adjustments, List<String> claims) {
    }

    /** What became of a document: the answer (null when resumed after a crash), and where a file goes now. */
    public record Received(Response response, IntakeOutcome outcome) implements InboundDocuments.Processed {
    }

    /**
     * Processes one adjustment document from a channel, all in the caller's transaction: kept raw, read, its
     * adjustments raised as claims or refused whole, answered.
     *
     * @param channel SFTP or HTTP
     * @param format  ADJUSTMENT_JSON or ADJUSTMENT_CSV
     */
    public Received receiveDocument(String partnerId, String channel, String fileName, byte[] content, OrderFormat format) {
        return documents.once(partnerId, fileName, content, "adjustment(s)", o -> new Received(null, o),
                sha256 -> process(partnerId, channel, fileName, content, sha256, format));
    }

    private Received process(String partnerId, String channel, String fileName, byte[] content, String sha256,
            OrderFormat format) {
        Instant now = clock.instant();
        long documentId = documents.store(partnerId, channel, fileName, content, sha256, format, now);
        AdjustmentDocument document = format == OrderFormat.ADJUSTMENT_CSV ? csv.read(partnerId, fileName, content)
                : json.read(partnerId, fileName, content);
        List<InputError> errors = new ArrayList<>(document.errors());
        if (document.accepted() && TestModeDocuments.inTestMode(partners, partnerId)) {
            errors.add(TestModeDocuments.notTaken(partnerId, "adjustments"));
        }
        Taken result = errors.isEmpty() ? takeAll(document.adjustments()) : new Taken(List.of(), List.of());
        List<Refusal> refused = result.refused();
        boolean taken = errors.isEmpty() && refused.isEmpty();
        Response response = new Response(documentId, fileName, format == OrderFormat.ADJUSTMENT_CSV ? "CSV" : "JSON",
                taken ? "ACCEPTED" : "REJECTED", errors, refused, result.claims());
        List<String> reasons = new ArrayList<>();
        if (!taken) {
            errors.forEach(e -> reasons.add(e.toString()));
            refused.forEach(r -> reasons.add("adjustment " + r.adjustmentNumber() + ": " + r.message() + " [" + r.code()
                    + "]"));
        }
        return new Received(response, answers.answer(KIND, partnerId, documentId, fileName, response.format(), response,
                reasons, document.adjustments().size(), now));
    }

    /** The answer was sent: the document is done. */
    public void complete(long documentId) {
        documents.complete(documentId);
    }

    @Override
    public List<Refusal> receive(List<Adjustment> adjustments, long documentId) {
        return takeAll(adjustments).refused();
    }

    /** What became of a document's adjustments: the claims raised, or why they are refused (then none is raised). */
    private record Taken(List<String> claims, List<Refusal> refused) {
    }

    private Taken takeAll(List<Adjustment> adjustments) {
        List<Refusal> refused = new ArrayList<>();
        List<String> raised = new ArrayList<>();
        nested.executeWithoutResult(status -> {
            for (Adjustment a : adjustments) {
                Object taken = take(a);
                if (taken instanceof Refusal refusal) {
                    refused.add(refusal);
                } else {
                    raised.add((String) taken);
                }
            }
            if (!refused.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        return new Taken(refused.isEmpty() ? raised : List.of(), refused);
    }

    /** The claim number raised (or raised before), or the {@link Refusal}. */
    private Object take(Adjustment a) {
        if (!a.credit()) {
            return new Refusal(a.adjustmentNumber(), "DEBIT_NOT_TAKEN", "a debit adjustment says the customer owes more; "
                    + "it is no claim on invoice " + a.invoiceNumber() + " and is not taken here: call us");
        }
        if (a.lines().isEmpty()) {
            return new Refusal(a.adjustmentNumber(), "NO_LINES", "adjustment " + a.adjustmentNumber() + " names no line of "
                    + "invoice " + a.invoiceNumber() + "; a claim names the invoice lines it disputes (LIN / CDD)");
        }
        Claims.OnInvoice claim = new Claims.OnInvoice(a.partnerId(), a.invoiceNumber(), Claim.Source.ADJUSTMENT,
                a.adjustmentNumber(), a.currency(), a.reasonText() != null ? a.reasonText() : a.reason(), a.reason(),
                a.lines().stream().map(l -> new Claims.ClaimedLine(l.lineNumber(), l.quantity(),
                        l.quantity() == null ? l.amount() : null, l.unitPrice())).toList());
        try {
            Claims.Raised raised = claims.raiseOnInvoice(claim, a.partnerId());
            LOG.info("{} adjustment {} on invoice {}: claim {}{}", a.partnerId(), a.adjustmentNumber(), a.invoiceNumber(),
                    raised.claim().claimNumber(), raised.created() ? " raised" : " raised before");
            return raised.claim().claimNumber();
        } catch (Claims.Refused e) {
            return new Refusal(a.adjustmentNumber(), e.code(), e.getMessage());
        }
    }
}
