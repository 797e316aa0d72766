package io.edihub.intake;

import io.edihub.order.OrderStore;
import io.edihub.order.PlannedOrder;
import io.edihub.order.PurchaseOrder;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.AcknowledgmentWriter;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.FileResult;
import io.edihub.x12.GroupResult;
import io.edihub.x12.IntakeContext;
import io.edihub.x12.InterchangeResult;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.TransactionResult;
import io.edihub.x12.X12Translator;
import java.io.ByteArrayInputStream;
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
 */
@Service
public class X12Intake {

    private static final Logger LOG = LoggerFactory.getLogger(X12Intake.class);

    private final PartnerDirectory partners;
    private final X12Translator translator;
    private final OrderStore orders;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ControlNumbers controlNumbers;
    private final OurIdentity us;
    private final Clock clock;

    public X12Intake(PartnerDirectory partners, X12Translator translator, OrderStore orders, JdbcTemplate jdbc,
            TransactionTemplate transactions, ControlNumbers controlNumbers, OurIdentity us, Clock clock) {
        this.partners = partners;
        this.translator = translator;
        this.orders = orders;
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
        PartnerProfile partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("no partner profile '" + partnerId + "'"));
        String sha256 = sha256(content);
        IntakeOutcome outcome = transactions.execute(status -> resume(partnerId, fileName, sha256)
                .orElseGet(() -> process(status, partner, fileName, content, sha256)));
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
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(s -> {
            jdbc.update("update outbound_document set written_at = ? where inbound_document_id = ? and written_at is null",
                    now, documentId);
            jdbc.update("update inbound_document set completed_at = ? where id = ?", now, documentId);
        });
    }

    private Optional<IntakeOutcome> resume(String partnerId, String fileName, String sha256) {
        return jdbc.query("select id, outcome, error_report from inbound_document where partner_id = ? and file_name = ? "
                        + "and sha256 = ? and completed_at is null order by id desc limit 1",
                (rs, i) -> {
                    long id = rs.getLong(1);
                    LOG.info("{} from {} was already processed as document {} before a restart: finishing it", fileName,
                            partnerId, id);
                    String report = rs.getString(3);
                    return new IntakeOutcome(id, fileName, "ACCEPTED".equals(rs.getString(2))
                            ? IntakeOutcome.Disposition.ARCHIVE : IntakeOutcome.Disposition.ERROR,
                            report == null ? "" : report, outbound(id), true, 0);
                }, partnerId, fileName, sha256).stream().findFirst();
    }

    private List<IntakeOutcome.OutboundFile> outbound(long documentId) {
        return jdbc.query("select id, file_name, content from outbound_document where inbound_document_id = ? order by id",
                (rs, i) -> new IntakeOutcome.OutboundFile(rs.getLong(1), rs.getString(2), rs.getString(3)), documentId);
    }

    private IntakeOutcome process(TransactionStatus status, PartnerProfile partner, String fileName, byte[] content,
            String sha256) {
        Instant now = clock.instant();
        Long documentId = jdbc.queryForObject("insert into inbound_document (partner_id, channel, file_name, sha256, "
                        + "size_bytes, content, received_at, outcome) values (?, 'SFTP', ?, ?, ?, ?, ?, 'PROCESSING') returning id",
                Long.class, partner.id(), fileName, sha256, content.length, content, Timestamp.from(now));
        StoringListener listener = new StoringListener(status, documentId, fileName, now);
        IntakeContext context = new IntakeContext(Optional.of(partner), partners, us, this::seen);
        X12Translator.Translation translation = translator.translate(fileName, new ByteArrayInputStream(content), context,
                controlNumbers, listener);
        FileResult result = translation.result();
        boolean accepted = result.fullyAccepted();
        String outcome = accepted ? "ACCEPTED" : listener.stored > 0 ? "PARTIALLY_ACCEPTED" : "REJECTED";
        String report = accepted ? "" : report(fileName, partner, outcome, result, listener, now);
        jdbc.update("update inbound_document set outcome = ?, error_report = ? where id = ?", outcome,
                accepted ? null : report, documentId);
        return new IntakeOutcome(documentId, fileName, accepted ? IntakeOutcome.Disposition.ARCHIVE
                : IntakeOutcome.Disposition.ERROR, report, listener.outbound, false, listener.stored);
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
        sb.append(listener.stored).append(" order(s) taken. ");
        if (listener.outbound.isEmpty()) {
            sb.append("No acknowledgment could be sent: the file holds no interchange the hub could address.\n\n");
        } else {
            sb.append("Acknowledgments sent to outbound/: ");
            sb.append(String.join(", ", listener.outbound.stream().map(IntakeOutcome.OutboundFile::fileName).toList()));
            sb.append("\n\n");
        }
        result.describeErrors().forEach(line -> sb.append(line).append('\n'));
        return sb.toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
        int stored;
        final List<IntakeOutcome.OutboundFile> outbound = new ArrayList<>();

        StoringListener(TransactionStatus status, long documentId, String fileName, Instant now) {
            this.status = status;
            this.documentId = documentId;
            this.fileName = fileName;
            this.now = now;
        }

        @Override
        public void startInterchange(InterchangeResult interchange) {
            inInterchange = 0;
            interchangeSavepoint = interchange.rejected() ? null : status.createSavepoint();
        }

        @Override
        public void startGroup(InterchangeResult interchange, GroupResult group) {
            inGroup = 0;
            groupSavepoint = status.createSavepoint();
        }

        @Override
        public void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                PlannedOrder planned) {
            if (planned == null) {
                return;
            }
            PurchaseOrder order = planned.order();
            if (order.purpose() != PurchaseOrder.Purpose.ORIGINAL) {
                transaction.rejectElement("BEG", 2, 1, "353", "7", order.purpose().x12Code(), "PURPOSE_NOT_SUPPORTED",
                        "BEG01 '" + order.purpose().x12Code() + "' (" + order.purpose().name().toLowerCase().replace('_', ' ')
                                + "): this hub version takes original orders (BEG01 = 00) only; changes and cancellations "
                                + "are not processed yet, so nothing was changed");
                return;
            }
            Optional<OrderStore.StoredOrder> existing = orders.find(order.partnerId(), order.poNumber(), order.releaseNumber());
            if (existing.isPresent()) {
                String what = order.releaseNumber() == null ? "PO " + order.poNumber()
                        : "release " + order.releaseNumber() + " of PO " + order.poNumber();
                transaction.rejectElement("BEG", 2, 3, "324", "7", order.poNumber(), "DUPLICATE_ORDER", what
                        + " was already received on " + existing.get().createdAt() + " (document "
                        + existing.get().documentId() + "); an original order is taken once");
                return;
            }
            orders.insert(withSource(planned), documentId);
            inGroup++;
        }

        private PlannedOrder withSource(PlannedOrder planned) {
            PurchaseOrder o = planned.order();
            PurchaseOrder.SourceDocument s = o.source();
            PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument(s.format(), fileName,
                    null, s.interchangeControlNumber(), s.groupControlNumber(), s.transactionControlNumber());
            return new PlannedOrder(o.withSource(source), planned.releases());
        }

        @Override
        public void endGroup(InterchangeResult interchange, GroupResult group) {
            if (group.rejected()) {
                status.rollbackToSavepoint(groupSavepoint);
            } else {
                status.releaseSavepoint(groupSavepoint);
                inInterchange += inGroup;
            }
            groupSavepoint = null;
        }

        @Override
        public void endInterchange(InterchangeResult interchange) {
            if (interchangeSavepoint == null) {
                return;
            }
            if (interchange.rejected()) {
                status.rollbackToSavepoint(interchangeSavepoint);
                return;
            }
            status.releaseSavepoint(interchangeSavepoint);
            stored += inInterchange;
            jdbc.update("insert into interchange_receipt (partner_id, control_number, document_id, received_at) "
                    + "values (?, ?, ?, ?)", interchange.partner().id(), interchange.envelope().controlNumber(), documentId,
                    Timestamp.from(now));
        }

        @Override
        public void acknowledgment(InterchangeResult interchange, AcknowledgmentWriter.Acknowledgment ack) {
            String kind = ack.hasTa1() && ack.hasFunctionalAcks() ? "TA1+997" : ack.hasTa1() ? "TA1" : "997";
            String name = kind.replace("+", "-").toLowerCase() + "-" + ack.controlNumber() + "-for-"
                    + interchange.envelope().controlNumber().replaceAll("[^0-9A-Za-z]", "") + ".x12";
            Long id = jdbc.queryForObject("insert into outbound_document (partner_id, kind, control_number, file_name, content, "
                            + "inbound_document_id, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                    interchange.partner().id(), kind, ack.controlNumber(), name, ack.text(), documentId, Timestamp.from(now));
            outbound.add(new IntakeOutcome.OutboundFile(id, name, ack.text()));
        }
    }

}
