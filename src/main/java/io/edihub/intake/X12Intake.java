package io.edihub.intake;

import io.edihub.billing.AcceptanceDesk;
import io.edihub.canonical.Acceptance;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.Remittance;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.document.OrderFormat;
import io.edihub.forms.OutgoingDocuments;
import io.edihub.ops.ReceivedAcknowledgments;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.policy.OrderDesk;
import io.edihub.x12.AcknowledgmentWriter;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.FileResult;
import io.edihub.x12.GroupResult;
import io.edihub.x12.IntakeContext;
import io.edihub.x12.InterchangeResult;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.PoAcknowledgment855Writer;
import io.edihub.x12.ReceivedFunctionalAck;
import io.edihub.x12.TransactionResult;
import io.edihub.x12.X12Translator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one X12 file from a partner's channel: keeps the raw bytes, reads and validates it, stores the
 * accepted orders with their releases and the acknowledgments that answer it, all in one database
 * transaction. A group or interchange that turns out rejected at its trailer is rolled back to a
 * savepoint, so its orders never count. The caller writes the acknowledgments and moves the file only
 * after this commit.
 *
 * <p>812 credit/debit adjustments go to the {@link AdjustmentReceiver} bean, when there is one; without one,
 * every 812 set is refused as not taken here (AK5 code 1). 820 remittances go to the {@link RemittanceReceiver} bean
 * the same way.
 */
@Service
class X12Intake {

    private static final Logger LOG = LoggerFactory.getLogger(X12Intake.class);
    /** The 855s written and stored together: few enough to hold on the heap, many enough to save round trips. */
    static final int ACK_BATCH = 200;

    private final PartnerDirectory partners;
    private final X12Translator translator;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ControlNumbers controlNumbers;
    private final OurIdentity us;
    private final Clock clock;
    private final InboundDocuments documents;
    private final OrderDesk desk;
    private final PoAcknowledgment855Writer poAcknowledgments;
    private final AcceptanceDesk acceptanceDesk;
    private final ReceivedAcknowledgments receivedAcks;
    private final ObjectProvider<AdjustmentReceiver> adjustmentReceivers;
    private final ObjectProvider<RemittanceReceiver> remittanceReceivers;

    X12Intake(PartnerDirectory partners, X12Translator translator, JdbcTemplate jdbc, TransactionTemplate transactions,
            ControlNumbers controlNumbers, OurIdentity us, Clock clock, InboundDocuments documents, OrderDesk desk,
            AcceptanceDesk acceptanceDesk, ReceivedAcknowledgments receivedAcks,
            ObjectProvider<AdjustmentReceiver> adjustmentReceivers, ObjectProvider<RemittanceReceiver> remittanceReceivers) {
        this.adjustmentReceivers = adjustmentReceivers;
        this.remittanceReceivers = remittanceReceivers;
        this.acceptanceDesk = acceptanceDesk;
        this.receivedAcks = receivedAcks;
        this.documents = documents;
        this.desk = desk;
        this.poAcknowledgments = new PoAcknowledgment855Writer(us);
        this.partners = partners;
        this.translator = translator;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.controlNumbers = controlNumbers;
        this.us = us;
        this.clock = clock;
    }

    /**
     * Processes one file uploaded by a partner.
     *
     * @param partnerId the partner that owns the channel the file came from
     */
    public IntakeOutcome receive(String partnerId, String fileName, byte[] content) {
        return receive(partnerId, fileName, content, false);
    }

    /**
     * Processes one file uploaded by a partner, or replayed by an operator.
     *
     * @param bypassDuplicates an operator's replay that skips the interchange duplicate check (ISA13 within the
     *                         partner's window); the orders' own duplicate checks still apply
     */
    public IntakeOutcome receive(String partnerId, String fileName, byte[] content, boolean bypassDuplicates) {
        return receive(partnerId, fileName, SpooledInput.of(content), bypassDuplicates);
    }

    /**
     * As {@link #receive(String, String, byte[], boolean)}, for a file spooled as it was downloaded: stored and read
     * as a stream, so that its size costs no heap.
     */
    public IntakeOutcome receive(String partnerId, String fileName, SpooledInput content, boolean bypassDuplicates) {
        return receive(partnerId, "SFTP", fileName, content, bypassDuplicates);
    }

    /** As {@link #receive(String, String, SpooledInput, boolean)}, for a file that came over this channel (SFTP, AS2). */
    public IntakeOutcome receive(String partnerId, String channel, String fileName, SpooledInput content,
            boolean bypassDuplicates) {
        PartnerProfile partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("no partner profile '" + partnerId + "'"));
        String sha256 = content.sha256();
        IntakeOutcome outcome = transactions.execute(status -> documents.resume(partnerId, fileName, sha256)
                .orElseGet(() -> process(status, partner, channel, fileName, content, bypassDuplicates)));
        if (outcome.disposition() == IntakeOutcome.Disposition.ERROR) {
            LOG.warn("{} from {} refused in part or whole (document {}):\n{}", fileName, partnerId, outcome.documentId(),
                    outcome.report());
        } else {
            LOG.info("{} from {} accepted: {} order(s) (document {})", fileName, partnerId, outcome.orders(),
                    outcome.documentId());
        }
        return outcome;
    }

    /** After the acknowledgments were written and the input moved: the file is done. */
    public void complete(long documentId) {
        documents.complete(documentId);
    }

    private IntakeOutcome process(TransactionStatus status, PartnerProfile partner, String channel, String fileName,
            SpooledInput content, boolean bypassDuplicates) {
        Instant now = clock.instant();
        long documentId = documents.store(partner.id(), channel, fileName, content, OrderFormat.X12, now);
        StoringListener listener = new StoringListener(status, documentId, fileName, now);
        IntakeContext context = new IntakeContext(Optional.of(partner), partners, us,
                bypassDuplicates ? IntakeContext.DuplicateCheck.NEVER : this::seen);
        X12Translator.Translation translation;
        try (InputStream in = content.open(); PendingAcknowledgments spool = listener.pendingAcks) {
            translation = translator.translate(fileName, in, context, controlNumbers, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName, e);
        }
        FileResult result = translation.result();
        boolean accepted = result.fullyAccepted();
        // a file of test interchanges only is marked as a test: what it carried was checked and answered, not taken
        boolean test = accepted && listener.stored == 0 && listener.tests > 0;
        String outcome = test ? InboundDocuments.ACCEPTED_AS_TEST : accepted ? "ACCEPTED"
                : listener.stored > 0 ? "PARTIALLY_ACCEPTED" : "REJECTED";
        String report = accepted ? "" : report(fileName, partner, outcome, result, listener, now);
        documents.outcome(documentId, outcome, test ? testNote(fileName, partner, listener, now) : accepted ? null : report);
        return new IntakeOutcome(documentId, fileName, accepted ? IntakeOutcome.Disposition.ARCHIVE
                : IntakeOutcome.Disposition.ERROR, report, listener.outbound, false, listener.stored);
    }

    /** What a test file carried, kept with its document in place of an error report: it was checked, not taken. */
    private static String testNote(String fileName, PartnerProfile partner, StoringListener listener, Instant at) {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" from partner ").append(partner.id()).append(": ACCEPTED AS TEST at ").append(at)
                .append('\n').append("Test interchange (ISA15 T): read, checked and acknowledged; nothing of it was taken ")
                .append("(no order, release, invoice or event).\n\nChecked:\n");
        listener.results.appendTo(sb);
        return sb.toString();
    }

    private boolean seen(PartnerProfile partner, String controlNumber) {
        Instant since = clock.instant().minus(partner.duplicateWindow());
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from interchange_receipt where partner_id = ? "
                + "and control_number = ? and received_at > ?)", Boolean.class, partner.id(), controlNumber, Timestamp.from(since)));
    }

    private static String report(String fileName, PartnerProfile partner, String outcome, FileResult result,
            StoringListener listener, Instant at) {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(" from partner ").append(partner.id()).append(": ").append(outcome.replace('_', ' '))
                .append(" at ").append(at).append('\n');
        sb.append(listener.stored).append(" order(s), change(s), acceptance(s), adjustment(s), remittance(s) or acknowledgment(s) taken. ");
        if (listener.outbound.isEmpty()) {
            sb.append("No acknowledgment could be sent: the file holds no interchange the hub could address.\n\n");
        } else {
            sb.append("Acknowledgments sent to outbound/: ");
            sb.append(String.join(", ", listener.outbound.stream().map(IntakeOutcome.OutboundFile::fileName).toList()));
            sb.append("\n\n");
        }
        result.describeErrors().forEach(line -> sb.append(line).append('\n'));
        if (!listener.results.isEmpty()) {
            sb.append("\nTaken:\n");
            listener.results.appendTo(sb);
        }
        return sb.toString();
    }

    /** The acceptances of one 861 set and what the desk made of them, to alert on once the interchange ends. */
    private record RefusedAcceptances(PartnerProfile partner, List<Acceptance> acceptances,
            List<AcceptanceDesk.Outcome> outcomes) {
    }

    /**
     * What a file's sets came to, one line each, for its report: the first {@value #MAX} lines and how many more, so
     * that a file of tens of thousands of orders keeps a report of bounded size.
     */
    static final class ReportLines {

        static final int MAX = 1_000;

        private final List<String> kept = new ArrayList<>();
        private int total;

        void add(String line) {
            if (kept.size() < MAX) {
                kept.add(line);
            }
            total++;
        }

        boolean isEmpty() {
            return total == 0;
        }

        /** Where the lines added from now on begin, for {@link #truncate}. */
        int mark() {
            return total;
        }

        /** Drops what was added since {@code mark}: the kept lines are always the first ones. */
        void truncate(int mark) {
            if (kept.size() > mark) {
                kept.subList(mark, kept.size()).clear();
            }
            total = Math.min(total, mark);
        }

        void appendTo(StringBuilder sb) {
            kept.forEach(line -> sb.append(line).append('\n'));
            if (total > kept.size()) {
                sb.append("... and ").append(total - kept.size()).append(" more\n");
            }
        }
    }

    /** Stores what the reader accepts, and undoes it when its group or interchange turns out rejected. */
    private final class StoringListener implements X12Translator.Listener {

        private final TransactionStatus status;
        private final long documentId;
        private final String fileName;
        private final Instant now;
        private Object interchangeSavepoint;
        private Object groupSavepoint;
        private int inInterchange;
        private int inGroup;
        private long groupAcks;
        private int groupResults;
        private int interchangeResults;
        int stored;
        /** sets of test interchanges checked and not taken */
        int tests;
        private int testsInGroup;
        private int testsInInterchange;
        final List<IntakeOutcome.OutboundFile> outbound = new ArrayList<>();
        final PendingAcknowledgments pendingAcks = new PendingAcknowledgments();
        final ReportLines results = new ReportLines();
        /** alerted once the interchange ends, so that a rolled-back group does not take its alerts with it */
        final List<RefusedAcceptances> refusedAcceptances = new ArrayList<>();

        StoringListener(TransactionStatus status, long documentId, String fileName, Instant now) {
            this.status = status;
            this.documentId = documentId;
            this.fileName = fileName;
            this.now = now;
        }

        @Override
        public void startInterchange(InterchangeResult interchange) {
            inInterchange = 0;
            testsInInterchange = 0;
            pendingAcks.clear();
            interchangeResults = results.mark();
            interchangeSavepoint = interchange.rejected() ? null : status.createSavepoint();
        }

        @Override
        public void startGroup(InterchangeResult interchange, GroupResult group) {
            inGroup = 0;
            testsInGroup = 0;
            groupAcks = pendingAcks.mark();
            groupResults = results.mark();
            groupSavepoint = status.createSavepoint();
        }

        @Override
        public void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                PlannedOrder planned) {
            if (planned != null && !checkedOnly(interchange, "PO " + planned.order().poNumber() + " (850)")) {
                take(interchange, group, transaction, planned.order().withSource(source(planned.order().source())), "BEG");
            }
        }

        @Override
        public void change(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                OrderChange change) {
            if (change != null && !checkedOnly(interchange, "PO " + change.poNumber() + " (860 change)")) {
                take(interchange, group, transaction, change.withSource(source(change.source())), "BCH");
            }
        }

        /**
         * Hands an 861's acceptances to the acceptance desk, which takes a set whole or not at all; what it
         * refuses, the 997 rejects with the reasons.
         */
        @Override
        public void acceptances(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                List<Acceptance> acceptances) {
            if (acceptances.isEmpty() || checkedOnly(interchange, "acceptance " + acceptances.get(0).acceptanceId()
                    + " (861)")) {
                return;
            }
            List<Acceptance> sourced = acceptances.stream().map(a -> new Acceptance(a.partnerId(), a.acceptanceId(),
                    a.poNumber(), a.releaseId(), a.acceptedOn(), a.implicit(), a.lines(), source(a.source()))).toList();
            List<AcceptanceDesk.Outcome> outcomes = acceptanceDesk.takeAll(sourced, interchange.partner(), documentId);
            refusedAcceptances.add(new RefusedAcceptances(interchange.partner(), sourced, outcomes));
            List<AcceptanceDesk.Outcome> refused = outcomes.stream()
                    .filter(o -> o.result() == AcceptanceDesk.Result.REFUSED).toList();
            if (!refused.isEmpty()) {
                transaction.rejectElement("BRA", 2, 1, "127", "7", acceptances.get(0).acceptanceId(), refused.get(0).code(),
                        refused.stream().map(o -> "release " + o.releaseId() + ": " + o.message() + " [" + o.code() + "]")
                                .collect(java.util.stream.Collectors.joining("; ")) + "; nothing of this set was taken");
                return;
            }
            for (AcceptanceDesk.Outcome o : outcomes) {
                results.add("acceptance " + o.acceptanceId() + " of release " + o.releaseId() + ": " + o.message());
            }
            inGroup += outcomes.size();
        }

        /**
         * Hands an 812's adjustment to the {@link AdjustmentReceiver}, which takes it whole or not at all; what it
         * refuses, the 997 rejects with the reasons. Without a receiver the set is refused as not taken here.
         */
        @Override
        public void adjustments(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                List<Adjustment> adjustments) {
            AdjustmentReceiver receiver = adjustmentReceivers.getIfAvailable();
            if (receiver == null) {
                transaction.refuseAsNotSupported("ADJUSTMENTS_NOT_TAKEN", "credit adjustments are not taken here: "
                        + "this hub does not settle 812 credit/debit adjustments yet; the set was not read further");
                return;
            }
            if (adjustments.isEmpty() || checkedOnly(interchange, "adjustment " + adjustments.get(0).adjustmentNumber()
                    + " (812)")) {
                return;
            }
            List<Adjustment> sourced = adjustments.stream().map(a -> new Adjustment(a.partnerId(), a.adjustmentNumber(),
                    a.adjustmentDate(), a.invoiceNumber(), a.invoiceDate(), a.poNumber(), a.credit(), a.amount(),
                    a.currency(), a.reason(), a.reasonText(), a.lines(), source(a.source()))).toList();
            List<AdjustmentReceiver.Refusal> refused = receiver.receive(sourced, documentId);
            if (!refused.isEmpty()) {
                transaction.rejectElement("BCD", 2, 2, "475", "7", adjustments.get(0).adjustmentNumber(),
                        refused.get(0).code(), refused.stream().map(r -> "adjustment " + r.adjustmentNumber() + ": "
                                + r.message() + " [" + r.code() + "]").collect(java.util.stream.Collectors.joining("; "))
                                + "; nothing of this set was taken");
                return;
            }
            for (Adjustment a : sourced) {
                results.add("adjustment " + a.adjustmentNumber() + " of invoice " + a.invoiceNumber() + " ("
                        + (a.credit() ? "credit " : "debit ") + a.amount().toPlainString() + "): taken");
            }
            inGroup += sourced.size();
        }

        /**
         * Hands an 820's remittance to the {@link RemittanceReceiver}, which takes it whole or not at all; what it
         * refuses, the 997 rejects with the reasons. Without a receiver the set is refused as not taken here.
         */
        @Override
        public void remittances(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                List<Remittance> remittances) {
            RemittanceReceiver receiver = remittanceReceivers.getIfAvailable();
            if (receiver == null) {
                transaction.refuseAsNotSupported("REMITTANCES_NOT_TAKEN", "remittances are not taken here: this hub "
                        + "does not apply 820 payments to invoices yet; the set was not read further");
                return;
            }
            if (remittances.isEmpty() || checkedOnly(interchange, "payment " + remittances.get(0).traceNumber()
                    + " (820)")) {
                return;
            }
            List<Remittance> sourced = remittances.stream().map(r -> new Remittance(r.partnerId(), r.traceNumber(),
                    r.total(), r.currency(), r.method(), r.paymentDate(), r.lines(), source(r.source()))).toList();
            List<RemittanceReceiver.Refusal> refused = receiver.receive(sourced, documentId, "X12_820").refused();
            if (!refused.isEmpty()) {
                // the trace number is TRN02, the segment after BPR when the remittance carries no heading NTE
                transaction.rejectElement("TRN", 3, 2, "127", "7", remittances.get(0).traceNumber(),
                        refused.get(0).code(), refused.stream().map(r -> "payment " + r.traceNumber() + ": "
                                + r.message() + " [" + r.code() + "]").collect(java.util.stream.Collectors.joining("; "))
                                + "; nothing of this set was taken");
                return;
            }
            for (Remittance r : sourced) {
                results.add("payment " + r.traceNumber() + " of " + r.total().toPlainString() + " on " + r.lines().size()
                        + " invoice(s): taken");
            }
            inGroup += sourced.size();
        }

        /** A partner's 997 about one of our groups: matched to what we sent and recorded. */
        @Override
        public void functionalAck(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                ReceivedFunctionalAck ack) {
            if (ack == null || checkedOnly(interchange, "997 for our " + ack.functionalId() + " group "
                    + ack.groupControlNumber())) {
                return;
            }
            ReceivedAcknowledgments.Match match = receivedAcks.record(interchange.partner(), documentId, ack);
            results.add("997 for our " + ack.functionalId() + " group " + ack.groupControlNumber() + " ("
                    + ack.groupStatus() + "): " + (match.outboundId() == null ? "matches nothing we sent"
                            : "answers " + match.fileName()));
            inGroup++;
        }

        /**
         * True when the set is of a test interchange: it was read and checked (the 997 says how it stands), and is
         * noted as checked instead of handed on, so that nothing of a test reaches fulfillment, billing or Kafka.
         */
        private boolean checkedOnly(InterchangeResult interchange, String what) {
            if (!interchange.test()) {
                return false;
            }
            results.add(what + ": checked, not taken (test interchange)");
            testsInGroup++;
            return true;
        }

        /** Hands a set's order or change to the order desk; what the desk refuses, the 997 rejects. */
        private void take(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                OrderMessage message, String header) {
            OrderDesk.Outcome outcome = desk.take(message, interchange.partner(), documentId);
            if (outcome.result() == OrderDesk.Result.REFUSED) {
                transaction.rejectElement(header, 2, 3, "324", "7", message.poNumber(), outcome.code(),
                        (outcome.location() == null || "order".equals(outcome.location()) ? "" : outcome.location() + ": ")
                                + outcome.message() + "; nothing was changed");
                return;
            }
            results.add("PO " + message.poNumber() + " (" + message.purpose().name().toLowerCase() + "): "
                    + outcome.message());
            if (outcome.acknowledgment() != null) {
                // in the group's release, as the hub writes it (004010VICS, 005010X231A1 and 003020 would be refused)
                pendingAcks.add(outcome.acknowledgment(), PoAcknowledgment855Writer.releaseFor(group.version()));
            }
            inGroup++;
        }

        private PurchaseOrder.SourceDocument source(PurchaseOrder.SourceDocument s) {
            return new PurchaseOrder.SourceDocument(s.format(), fileName, null, s.interchangeControlNumber(),
                    s.groupControlNumber(), s.transactionControlNumber());
        }

        @Override
        public void endGroup(InterchangeResult interchange, GroupResult group) {
            if (group.rejected()) {
                status.rollbackToSavepoint(groupSavepoint);
                pendingAcks.truncate(groupAcks);
                results.truncate(groupResults);
            } else {
                status.releaseSavepoint(groupSavepoint);
                inInterchange += inGroup;
                testsInInterchange += testsInGroup;
            }
            groupSavepoint = null;
        }

        @Override
        public void endInterchange(InterchangeResult interchange) {
            settle(interchange);
            refusedAcceptances.forEach(r -> acceptanceDesk.alertRefusals(r.acceptances(), r.outcomes(), r.partner(),
                    documentId));
            refusedAcceptances.clear();
        }

        /** Keeps or undoes what the interchange stored, as its verdict says. */
        private void settle(InterchangeResult interchange) {
            if (interchangeSavepoint == null) {
                return;
            }
            if (interchange.rejected()) {
                status.rollbackToSavepoint(interchangeSavepoint);
                pendingAcks.clear();
                results.truncate(interchangeResults);
                return;
            }
            status.releaseSavepoint(interchangeSavepoint);
            stored += inInterchange;
            tests += testsInInterchange;
            jdbc.update("insert into interchange_receipt (partner_id, control_number, document_id, received_at) "
                    + "values (?, ?, ?, ?)", interchange.partner().id(), interchange.envelope().controlNumber(), documentId,
                    Timestamp.from(now));
        }

        @Override
        public void acknowledgment(InterchangeResult interchange, AcknowledgmentWriter.Acknowledgment ack) {
            String functional = ack.implementationAcks() ? "999" : "997";
            String kind = ack.hasTa1() && ack.hasFunctionalAcks() ? "TA1+" + functional : ack.hasTa1() ? "TA1" : functional;
            // named by the ISA13 it answers as it is in the input, or as answering none readable: never by a number
            // made up from a damaged header (the fuzz suite found both: letters and digits left of a flipped byte,
            // a segment read as ISA13 in a header whose delimiter was swapped)
            String answered = interchange.envelope().readableControlNumber();
            String name = kind.replace("+", "-").toLowerCase() + "-" + ack.controlNumber() + "-for-"
                    + (answered.isEmpty() ? "unreadable-isa13" : answered) + ".x12";
            outbound.add(documents.outbound(interchange.partner().id(), kind, ack.controlNumber(), name, ack.text(),
                    documentId, now));
            if (interchange.rejected()) {
                return;
            }
            // the 855s of the orders this interchange kept, after the 997 that says the sets were read; the delivery
            // route writes them once the 997 is written
            List<java.util.Map.Entry<PoAcknowledgment, String>> batch = new ArrayList<>(ACK_BATCH);
            pendingAcks.forEach((po, release) -> {
                batch.add(java.util.Map.entry(po, release));
                if (batch.size() == ACK_BATCH) {
                    write855s(interchange.partner(), batch);
                }
            });
            write855s(interchange.partner(), batch);
            pendingAcks.clear();
        }

        /**
         * Writes and stores a batch of 855s: their control numbers drawn in one block, and stored in one JDBC batch, so
         * that an interchange of thousands of orders does not wait on three round trips for each of them.
         */
        private void write855s(PartnerProfile partner, List<java.util.Map.Entry<PoAcknowledgment, String>> batch) {
            if (batch.isEmpty()) {
                return;
            }
            if (OutgoingDocuments.acknowledgmentForm(partner, true) != PartnerProfile.DocumentForm.X12) {
                // the ORDRSP, JSON or CSV the partner's file asks for instead (documents.acknowledgment), one by one
                batch.forEach(ack -> documents.acknowledgment(partner, ack.getKey(), true, ack.getValue(), documentId, now));
                batch.clear();
                return;
            }
            ControlNumbers.Block numbers = new ControlNumbers.Block(controlNumbers, partner.id(), batch.size());
            List<java.util.Map.Entry<String, String>> written = new ArrayList<>(batch.size());
            for (java.util.Map.Entry<PoAcknowledgment, String> ack : batch) {
                written.add(java.util.Map.entry(poAcknowledgments.write(ack.getKey(), partner, numbers,
                        now.atZone(java.time.ZoneOffset.UTC), ack.getValue()), ack.getKey().poNumber()));
            }
            if (!numbers.usedUp()) {
                throw new IllegalStateException("the 855s of " + fileName + " left control numbers unused");
            }
            documents.outbound855s(partner.id(), written, documentId, now);
            batch.clear();
        }
    }

}
