package io.edihub.ops;

import io.edihub.canonical.CanonicalJson;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.ReceivedFunctionalAck;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Matches the 997s partners send about our 855s, 856s and 810s to what we sent, by our group control
 * number (AK102 = our GS06) and functional id, and records the verdict on the outbound document. A group
 * the partner rejected, in whole or in part, or a 997 about a group we never sent, raises an alert.
 */
@Component
public class ReceivedAcknowledgments {

    /** The functional id (GS01) of each kind of document we send. */
    private static final Map<String, String> KIND_BY_FUNCTIONAL_ID = Map.of("PR", "855", "SH", "856", "IN", "810", "CD", "812",
            "AN", "180", "AG", "824");

    private final JdbcTemplate jdbc;
    private final Alerts alerts;
    private final Clock clock;

    private final OutboundDocuments outboundDocuments;

    ReceivedAcknowledgments(JdbcTemplate jdbc, Alerts alerts, Clock clock, OutboundDocuments outboundDocuments) {
        this.outboundDocuments = outboundDocuments;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What the 997 was matched to: our outbound document's id and file, or nothing. */
    public record Match(Long outboundId, String fileName, boolean accepted) {
    }

    /** Records one received 997 group acknowledgment, in the caller's transaction. */
    public Match record(PartnerProfile partner, long documentId, ReceivedFunctionalAck ack) {
        String kind = KIND_BY_FUNCTIONAL_ID.get(ack.functionalId());
        Optional<OutboundDocuments.Stored> sent = outboundDocuments.sentInGroup(partner.id(), kind == null ? "" : kind,
                ack.groupControlNumber());
        Long outboundId = sent.map(OutboundDocuments.Stored::id).orElse(null);
        String fileName = sent.map(OutboundDocuments.Stored::fileName).orElse(null);
        jdbc.update("insert into received_acknowledgment (partner_id, document_id, functional_id, group_control_number, "
                        + "group_status, outbound_document_id, detail, received_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)",
                partner.id(), documentId, ack.functionalId(), ack.groupControlNumber(), ack.groupStatus(), outboundId,
                CanonicalJson.compact(ack), Timestamp.from(clock.instant()));
        String subject = "group " + ack.functionalId() + " " + ack.groupControlNumber();
        if (outboundId == null) {
            alerts.raise("ACKNOWLEDGMENT_UNMATCHED", subject, partner.id(), null, null, documentId, partner.id()
                    + " sent a 997 about " + subject + ", which the hub never sent it; the 997 is kept as document "
                    + documentId);
            return new Match(null, null, ack.accepted());
        }
        outboundDocuments.acknowledged(outboundId, ack.groupStatus());
        if (!ack.accepted()) {
            alerts.raise("DOCUMENT_REJECTED", fileName, partner.id(), null, null, documentId, partner.id() + " rejected "
                    + fileName + " (AK9 " + ack.groupStatus() + ")" + (ack.errors().isEmpty() ? ""
                            : ": " + String.join("; ", ack.errors())) + "; correct it and send it again");
        }
        return new Match(outboundId, fileName, ack.accepted());
    }
}
