package io.edihub.intake;

import io.edihub.canonical.PoAcknowledgment;
import io.edihub.document.OrderFormat;
import io.edihub.forms.OutgoingDocuments;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerProfile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every input a partner sent, kept byte for byte, and of the documents that answer it.
 * An input is open until its answers are written and the input moved; an open input seen again (same
 * partner, name and bytes) is a crash being recovered and resumes from what was stored.
 */
@Component
class InboundDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDocuments.class);
    /**
     * The outcome of a file of test interchanges (a partner in test mode): read, checked and acknowledged, nothing of
     * it taken; its report says what it carried.
     */
    static final String ACCEPTED_AS_TEST = "ACCEPTED_AS_TEST";
    /** The first key of the transaction locks that keep one input (partner and name) to one transaction at a time. */
    private static final int INPUT_LOCKS = 0x0ED1_1A7E;
    /** An input of a partner and name not done yet: processed, but its answers not written or the file not moved. */
    private static final String OPEN_INPUT = "select id, partner_id, file_name, outcome, error_report from inbound_document "
            + "where partner_id = ? and file_name = ? and completed_at is null ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutboundDocuments outboundDocuments;
    private final OutgoingDocuments forms;

    InboundDocuments(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, OutboundDocuments outboundDocuments,
            OutgoingDocuments forms) {
        this.forms = forms;
        this.jdbc = jdbc;
        this.outboundDocuments = outboundDocuments;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a document's processing gives: at least where the input goes now. */
    interface Processed {
        IntakeOutcome outcome();
    }

    /**
     * Processes a document once, in one transaction: a document open since a crash (same partner, name and
     * bytes) resumes from its stored outcome, anything else is processed; either way the outcome is logged.
     *
     * @param counted what {@link IntakeOutcome#orders()} counts, for the log ("order(s)")
     * @param process given the content's SHA-256, stores and processes the document
     */
    <R extends Processed> R once(String partnerId, String fileName, byte[] content, String counted,
            java.util.function.Function<IntakeOutcome, R> resumed, java.util.function.Function<String, R> process) {
        String sha256 = sha256(content);
        R result = transactions.execute(status -> resume(partnerId, fileName, sha256).map(resumed)
                .orElseGet(() -> process.apply(sha256)));
        IntakeOutcome o = result.outcome();
        if (o.disposition() == IntakeOutcome.Disposition.ERROR) {
            LOG.warn("{} from {} refused in part or whole (document {}):\n{}", fileName, partnerId, o.documentId(), o.report());
        } else {
            LOG.info("{} from {} accepted: {} {} (document {})", fileName, partnerId, o.orders(), counted, o.documentId());
        }
        return result;
    }

    /**
     * Stores the raw input; the caller's transaction decides whether it stays. Returns its id.
     *
     * @param format what the input was recognised as, for the per-format counts operators watch
     */
    long store(String partnerId, String channel, String fileName, byte[] content, String sha256, OrderFormat format,
            Instant now) {
        return jdbc.queryForObject("insert into inbound_document (partner_id, channel, file_name, sha256, size_bytes, "
                        + "content, format, received_at, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, 'PROCESSING') returning id",
                Long.class, partnerId, channel, fileName, sha256, content.length, content, format.name(), Timestamp.from(now));
    }

    /**
     * As {@link #store(String, String, String, byte[], String, OrderFormat, Instant)}, streaming the input from where it
     * was spooled: a large interchange goes to PostgreSQL without ever being one array on the heap.
     */
    long store(String partnerId, String channel, String fileName, SpooledInput content, OrderFormat format, Instant now) {
        return jdbc.execute((java.sql.Connection c) -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into inbound_document (partner_id, channel, "
                    + "file_name, sha256, size_bytes, content, format, received_at, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, "
                    + "'PROCESSING') returning id");
                    java.io.InputStream in = content.open()) {
                ps.setString(1, partnerId);
                ps.setString(2, channel);
                ps.setString(3, fileName);
                ps.setString(4, content.sha256());
                ps.setLong(5, content.size());
                // with its length given, the driver sends the stream as it reads it instead of buffering it first
                ps.setBinaryStream(6, in, (int) content.size());
                ps.setString(7, format.name());
                ps.setTimestamp(8, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Stores an input refused without being read (over the size limit): its name and size, no content (the file
     * itself is kept on the SFTP server, in error/). Returns its id; the caller's transaction decides whether it stays.
     */
    long storeUnread(String partnerId, String channel, String fileName, long sizeBytes, Instant now) {
        return jdbc.queryForObject("insert into inbound_document (partner_id, channel, file_name, size_bytes, format, "
                        + "received_at, outcome) values (?, ?, ?, ?, ?, ?, 'REJECTED') returning id",
                Long.class, partnerId, channel, fileName, sizeBytes, OrderFormat.UNKNOWN.name(), Timestamp.from(now));
    }

    void outcome(long documentId, String outcome, String report) {
        jdbc.update("update inbound_document set outcome = ?, error_report = ? where id = ?", outcome, report, documentId);
    }

    /** Stores an answer for the partner's outbound folder. */
    IntakeOutcome.OutboundFile outbound(String partnerId, String kind, String controlNumber, String fileName, String content,
            Long documentId, Instant now) {
        return outbound(partnerId, kind, controlNumber, fileName, content, documentId, null, now);
    }

    /** Stores an answer about one order (a PO acknowledgment), which the order's timeline lists. */
    IntakeOutcome.OutboundFile outbound(String partnerId, String kind, String controlNumber, String fileName, String content,
            Long documentId, String poNumber, Instant now) {
        OutboundDocuments.Stored stored = outboundDocuments.store(partnerId, kind, controlNumber, fileName, content,
                documentId, poNumber, null, now);
        return new IntakeOutcome.OutboundFile(stored.id(), stored.fileName(), stored.content());
    }

    /**
     * Stores an 855 interchange for the partner's outbound folder, named by its ISA13 and the PO it answers, for the
     * delivery route.
     */
    IntakeOutcome.OutboundFile outbound855(String partnerId, String interchange, String poNumber, Instant now) {
        String control = interchange.substring(90, 99);
        return outbound(partnerId, "855", control, name855(control, poNumber), interchange, null, poNumber, now);
    }

    /**
     * As {@link #outbound855(String, String, String, Instant)}, for an order of an inbound document: the delivery
     * route writes it once the answers to that document are written ({@link #complete}).
     */
    void outbound855(String partnerId, String interchange, String poNumber, long documentId, Instant now) {
        String control = interchange.substring(90, 99);
        outboundDocuments.storeAfterAnswers(partnerId, "855", control, name855(control, poNumber), interchange, documentId,
                poNumber, now);
    }

    /** As {@link #outbound855(String, String, String, long, Instant)}, for many 855s in one batch: interchange and PO each. */
    void outbound855s(String partnerId, List<java.util.Map.Entry<String, String>> interchangesAndPos, long documentId,
            Instant now) {
        outboundDocuments.storeAllAfterAnswers(interchangesAndPos.stream().map(e -> {
            String control = e.getKey().substring(90, 99);
            return new OutboundDocuments.Waiting(partnerId, "855", control, name855(control, e.getValue()), e.getKey(),
                    documentId, e.getValue());
        }).toList(), now);
    }

    /**
     * Our acknowledgment of an order in the form the partner's file asks for ({@code documents.acknowledgment}: an 855,
     * an ORDRSP, JSON or CSV), stored for the delivery route; the acknowledgment of an order of an inbound document
     * ({@code documentId} given) waits until the answers to that document are written.
     *
     * @param orderedInX12 the order came as X12: what {@code as-ordered} answers with an 855
     * @param x12Version   GS08 of an 855
     * @return the file stored, or null when the partner gets none
     */
    IntakeOutcome.OutboundFile acknowledgment(PartnerProfile partner, PoAcknowledgment ack, boolean orderedInX12,
            String x12Version, Long documentId, Instant now) {
        Optional<OutgoingDocuments.Written> written = forms.acknowledgment(ack, partner, orderedInX12, x12Version, now);
        if (written.isEmpty()) {
            return null;
        }
        OutgoingDocuments.Written w = written.get();
        if (documentId == null) {
            return outbound(partner.id(), w.kind(), w.controlNumber(), w.fileName(), w.content(), null, ack.poNumber(), now);
        }
        OutboundDocuments.Stored stored = outboundDocuments.storeAfterAnswers(partner.id(), w.kind(), w.controlNumber(),
                w.fileName(), w.content(), documentId, ack.poNumber(), now);
        return new IntakeOutcome.OutboundFile(stored.id(), stored.fileName(), stored.content());
    }

    private static String name855(String control, String poNumber) {
        return "855-" + control + "-for-" + poNumber.replaceAll("[^0-9A-Za-z-]", "") + ".x12";
    }

    /**
     * The stored outcome of an input processed before a restart but never moved, if this is one. Call it first in
     * the transaction that processes the input: it waits while another replica's transaction holds the same
     * partner's input of that name, then sees what that one stored. The replicas' file claims already keep a file
     * to one of them; this keeps it so should a claim be taken over from a replica thought dead but still working.
     */
    Optional<IntakeOutcome> resume(String partnerId, String fileName, String sha256) {
        lockInput(partnerId, fileName);
        return jdbc.query(OPEN_INPUT + "and sha256 = ? order by id desc limit 1", this::resumed, partnerId, fileName,
                sha256).stream().findFirst();
    }

    /** As {@link #resume}, for an input refused unread: known by its name and size, as it has no SHA-256. */
    Optional<IntakeOutcome> resumeUnread(String partnerId, String fileName, long sizeBytes) {
        lockInput(partnerId, fileName);
        return jdbc.query(OPEN_INPUT + "and sha256 is null and size_bytes = ? order by id desc limit 1", this::resumed,
                partnerId, fileName, sizeBytes).stream().findFirst();
    }

    private void lockInput(String partnerId, String fileName) {
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?, hashtext(?))", Integer.class, INPUT_LOCKS,
                partnerId + "/" + fileName);
    }

    private IntakeOutcome resumed(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String fileName = rs.getString("file_name");
        LOG.info("{} from {} was already processed as document {} before a restart: finishing it", fileName,
                rs.getString("partner_id"), id);
        String report = rs.getString("error_report");
        String outcome = rs.getString("outcome");
        return new IntakeOutcome(id, fileName, "ACCEPTED".equals(outcome) || ACCEPTED_AS_TEST.equals(outcome)
                ? IntakeOutcome.Disposition.ARCHIVE : IntakeOutcome.Disposition.ERROR,
                report == null ? "" : report, outbound(id), true, 0);
    }

    private List<IntakeOutcome.OutboundFile> outbound(long documentId) {
        return outboundDocuments.answersTo(documentId).stream()
                .map(answer -> new IntakeOutcome.OutboundFile(answer.id(), answer.fileName(), answer.content())).toList();
    }

    /** After the answers were written and the input moved (or answered over HTTP): the input is done. */
    void complete(long documentId) {
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(s -> {
            outboundDocuments.answersWritten(documentId, now.toInstant());
            jdbc.update("update inbound_document set completed_at = ? where id = ?", now, documentId);
        });
    }

    /** The input was done, but its file is still in inbound/ (moving it failed): the next poll finishes it. */
    void reopen(long documentId) {
        jdbc.update("update inbound_document set completed_at = null where id = ?", documentId);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
