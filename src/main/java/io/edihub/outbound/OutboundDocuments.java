package io.edihub.outbound;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a document for a partner's {@code outbound/} folder (997, TA1, 855, 856, 810, JSON answers) in the
 * caller's transaction. Answers to an inbound file are written by the intake route that read it; the rest
 * by the {@code deliverOutboundDocuments} route, the 855s for an inbound file's orders once its answers are written
 * (column {@code written_by}).
 */
@Component
public class OutboundDocuments {

    /** GS06 of an X12 document we wrote (our element separator is '*'). */
    private static final Pattern GROUP_CONTROL = Pattern.compile("(?:^|[~\\n])\\s*GS(?:\\*[^*~]*){5}\\*([0-9]+)");

    private final JdbcTemplate jdbc;

    OutboundDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored document: its row id, file name and content. */
    public record Stored(long id, String fileName, String content) {
    }

    /**
     * Stores a document that concerns no one order (a 997 or TA1 answering an interchange).
     *
     * @param controlNumber our ISA13 for X12, null for other formats
     * @param documentId    the inbound document it answers, or null when it answers none
     */
    public Stored store(String partnerId, String kind, String controlNumber, String fileName, String content,
            Long documentId, Instant now) {
        return store(partnerId, kind, controlNumber, fileName, content, documentId, null, null, now);
    }

    /**
     * Stores a document about one order (an 855) or one of its releases (an 856, an 810), so the order's
     * timeline finds it.
     */
    public Stored store(String partnerId, String kind, String controlNumber, String fileName, String content,
            Long documentId, String poNumber, String releaseId, Instant now) {
        return insert(partnerId, kind, controlNumber, fileName, content, documentId, poNumber, releaseId,
                documentId == null ? "DELIVERY" : "INTAKE", now);
    }

    /**
     * Stores a document that an inbound file led to, such as the 855 for one of its orders, for the delivery route:
     * it is written once the answers to that file are ({@link #answersWritten}), so that the partner gets the 997
     * first, and a file of tens of thousands of orders never has its 855s held in memory to be written.
     */
    public Stored storeAfterAnswers(String partnerId, String kind, String controlNumber, String fileName, String content,
            long documentId, String poNumber, Instant now) {
        return insert(partnerId, kind, controlNumber, fileName, content, documentId, poNumber, null, "WAITING", now);
    }

    /**
     * A document waiting for the answers to the inbound document it came from (see {@link #storeAfterAnswers}).
     */
    public record Waiting(String partnerId, String kind, String controlNumber, String fileName, String content,
            long documentId, String poNumber) {
    }

    /**
     * As {@link #storeAfterAnswers}, for many documents in one JDBC batch: the 855s of an interchange's orders, one
     * round trip for a batch instead of one per order.
     */
    public void storeAllAfterAnswers(List<Waiting> documents, Instant now) {
        if (documents.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("insert into outbound_document (partner_id, kind, control_number, file_name, content, "
                        + "inbound_document_id, created_at, group_control_number, po_number, release_id, written_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, 'WAITING')",
                documents.stream().map(d -> new Object[] {d.partnerId(), d.kind(), d.controlNumber(), d.fileName(),
                    d.content(), d.documentId(), at, groupControlNumber(d.content()), d.poNumber()}).toList());
    }

    private Stored insert(String partnerId, String kind, String controlNumber, String fileName, String content,
            Long documentId, String poNumber, String releaseId, String writtenBy, Instant now) {
        Long id = jdbc.queryForObject("insert into outbound_document (partner_id, kind, control_number, file_name, content, "
                        + "inbound_document_id, created_at, group_control_number, po_number, release_id, written_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class, partnerId, kind, controlNumber, fileName, content, documentId, Timestamp.from(now),
                groupControlNumber(content), poNumber, releaseId, writtenBy);
        return new Stored(id, fileName, content);
    }

    /** The answers stored for one inbound document, which the intake route writes, in the order they were made. */
    public List<Stored> answersTo(long inboundDocumentId) {
        return jdbc.query("select id, file_name, content from outbound_document where inbound_document_id = ? "
                        + "and written_by = 'INTAKE' order by id",
                (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)), inboundDocumentId);
    }

    /**
     * The answers to an inbound document are in the partner's folder (the caller's transaction): what waited for them
     * goes to the delivery route now.
     */
    public void answersWritten(long inboundDocumentId, Instant at) {
        jdbc.update("update outbound_document set written_at = ? where inbound_document_id = ? and written_by = 'INTAKE' "
                + "and written_at is null", Timestamp.from(at), inboundDocumentId);
        jdbc.update("update outbound_document set written_by = 'DELIVERY' where inbound_document_id = ? "
                + "and written_by = 'WAITING'", inboundDocumentId);
    }

    /**
     * A stored document still to be written to a partner's folder.
     *
     * @param triedBefore a delivery of it was started before (it may be in the folder already)
     */
    public record Pending(long id, String partnerId, String fileName, String content, boolean triedBefore) {
    }

    /**
     * Documents for the delivery route (the answers to an inbound file are written by the intake route), oldest first, each
     * noted as being delivered now (in one statement, committed before the first write) so that a later attempt
     * knows to look for it in the folder first.
     */
    public List<Pending> undelivered(int limit, Instant now) {
        return jdbc.query("with due as (select id, delivery_attempted_at is not null as tried from outbound_document "
                        + "where written_at is null and written_by = 'DELIVERY' order by id limit ?) "
                        + "update outbound_document o set delivery_attempted_at = ? from due where o.id = due.id "
                        + "returning o.id, o.partner_id, o.file_name, o.content, due.tried",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)),
                limit, Timestamp.from(now)).stream().sorted(java.util.Comparator.comparingLong(Pending::id)).toList();
    }

    /** One document is in the partner's folder. */
    public void written(long id, Instant at) {
        jdbc.update("update outbound_document set written_at = ? where id = ?", Timestamp.from(at), id);
    }

    /** These documents are in their partners' folders: one statement for a batch of them. */
    public void written(Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement update = connection.prepareStatement(
                    "update outbound_document set written_at = ? where id = any(?) and written_at is null");
            update.setTimestamp(1, Timestamp.from(at));
            update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            return update;
        });
    }

    /**
     * The answers to an inbound document that came over AS2 go by the delivery route, over AS2, like every other document
     * of the partner's (the caller's transaction): the intake route writes none of them to a folder.
     */
    public void answersByDelivery(long inboundDocumentId) {
        jdbc.update("update outbound_document set written_by = 'DELIVERY' where inbound_document_id = ? "
                + "and written_by = 'INTAKE' and written_at is null", inboundDocumentId);
    }

    /** What an MDN says about a document sent over AS2. */
    public enum MdnStatus {
        /** none came yet */
        PENDING,
        /** signed by the partner, processed, with the MIC of what we sent */
        VERIFIED,
        /** the partner refused the message (processed/error, failed) */
        NEGATIVE,
        /** unsigned, a signature that is not the partner's, a MIC or message id that is not ours */
        INVALID
    }

    /**
     * A document went to its partner over AS2 under this Message-ID; the MDN must return this MIC.
     *
     * @param mdn the MDN that came in the answer, or null when it comes later (or never came)
     */
    public void sentOverAs2(long id, String messageId, String mic, Instant at, MdnStatus mdn, String detail) {
        MdnStatus status = mdn == null ? MdnStatus.PENDING : mdn;
        jdbc.update("update outbound_document set as2_message_id = ?, as2_mic = ?, as2_sent_at = ?, mdn_status = ?, "
                        + "mdn_detail = ?, mdn_received_at = ? where id = ?", messageId, mic, Timestamp.from(at),
                status.name(), detail, mdn == null ? null : Timestamp.from(at), id);
    }

    /** A document sent over AS2, found by its Message-ID, with the MIC its MDN must return. */
    public record SentOverAs2(long id, String partnerId, String fileName, String mic, String mdnStatus) {
    }

    public Optional<SentOverAs2> sentOverAs2(String messageId) {
        return jdbc.query("select id, partner_id, file_name, as2_mic, mdn_status from outbound_document "
                        + "where as2_message_id = ?",
                (rs, i) -> new SentOverAs2(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                messageId).stream().findFirst();
    }

    /** The MDN for a document sent over AS2 came later (asynchronously): what it says. */
    public void mdnReceived(long id, MdnStatus status, String detail, Instant at) {
        jdbc.update("update outbound_document set mdn_status = ?, mdn_detail = ?, mdn_received_at = ? where id = ?",
                status.name(), detail, Timestamp.from(at), id);
    }

    /** The last document of a kind (855, 856, 810…) we sent the partner under a group control number (GS06). */
    public Optional<Stored> sentInGroup(String partnerId, String kind, String groupControlNumber) {
        return jdbc.query("select id, file_name, content from outbound_document where partner_id = ? and kind = ? "
                        + "and ltrim(group_control_number, '0') = ltrim(?, '0') order by id desc limit 1",
                (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)), partnerId, kind,
                groupControlNumber).stream().findFirst();
    }

    /** The partner's 997 answered a document we sent: its AK9 status (A, E, P, R). */
    public void acknowledged(long id, String groupStatus) {
        jdbc.update("update outbound_document set acknowledged = ? where id = ?", groupStatus, id);
    }

    /** GS06 of an X12 interchange, or null when the content is not one (JSON answers, a lone TA1). */
    static String groupControlNumber(String content) {
        if (content == null || !content.startsWith("ISA")) {
            return null;
        }
        Matcher m = GROUP_CONTROL.matcher(content);
        return m.find() ? m.group(1) : null;
    }
}
