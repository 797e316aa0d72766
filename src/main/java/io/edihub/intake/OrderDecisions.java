package io.edihub.intake;

import io.edihub.order.OrderStore;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.policy.OrderDesk;
import io.edihub.x12.PoAcknowledgment855Writer;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's decision on a held order, with the acknowledgment it owes the customer: an 855 for an
 * order that came as X12, a JSON acknowledgment otherwise, unless the partner's file asks for another form
 * ({@code documents.acknowledgment}). The answer is stored with the decision in
 * one transaction; the outbound delivery route writes it to the partner's outbound folder.
 */
@Service
public class OrderDecisions {

    private final PartnerDirectory partners;
    private final OrderDesk desk;
    private final OrderStore store;
    private final InboundDocuments documents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderDecisions(PartnerDirectory partners, OrderDesk desk, OrderStore store, InboundDocuments documents,
            TransactionTemplate transactions, Clock clock) {
        this.partners = partners;
        this.desk = desk;
        this.store = store;
        this.documents = documents;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The decision's outcome and the answer file it produced, if the partner gets one. */
    public record Decided(OrderDesk.Outcome outcome, IntakeOutcome.OutboundFile acknowledgment) {
    }

    /**
     * @throws OrderDesk.DecisionRefusedException when the order is not on file or not held
     * @throws IllegalArgumentException when there is no such partner
     */
    public Decided decide(String partnerId, String poNumber, String releaseNumber, OrderDesk.Decision decision, String who,
            String comment) {
        PartnerProfile partner = partners.byId(partnerId)
                .orElseThrow(() -> new OrderDesk.DecisionRefusedException("no partner '" + partnerId + "'", true));
        return transactions.execute(status -> {
            OrderDesk.Outcome outcome = desk.decide(partner, poNumber, releaseNumber, decision, who, comment);
            if (outcome.acknowledgment() == null) {
                return new Decided(outcome, null);
            }
            Instant now = clock.instant();
            String format = store.sourceFormat(outcome.orderId()).orElse("JSON");
            // an 855 for an order that came as X12, JSON for the others, unless the partner's file asks for another form
            IntakeOutcome.OutboundFile file = documents.acknowledgment(partner, outcome.acknowledgment(),
                    format.startsWith("X12"), PoAcknowledgment855Writer.DEFAULT_VERSION, null, now);
            return new Decided(outcome, file);
        });
    }
}
