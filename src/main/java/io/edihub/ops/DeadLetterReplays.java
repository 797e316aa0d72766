package io.edihub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.edihub.order.OrderStore;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays a dead letter by id through today's routes: its stored bytes and headers go to the {@code direct:}
 * entry of the processing its source uses, so a fixed partner profile or a fixed bug takes effect. The hub's
 * duplicate detection applies as to any input; an operator may skip only the document-level check (the same
 * interchange control number within the partner's window), never the business-level ones (an order, a
 * revision, an acceptance, a shipment id taken once). Every replay is kept with who, when, why and what came
 * of it, and on the timeline of the orders it touched.
 */
@Component
public class DeadLetterReplays {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplays.class);

    /** What a replay can come to. */
    public enum Outcome {
        /** taken by today's routes */
        PROCESSED,
        /** recognised as already taken: nothing was done twice */
        DUPLICATE,
        /** processed, and its content refused (answered to the partner like any input) */
        REFUSED,
        /** failed again for a technical reason: the dead letter stays as it was */
        FAILED
    }

    /** A replay that was not run, and why. */
    public static final class ReplayRefusedException extends RuntimeException {

        private final String code;

        ReplayRefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        /** NOT_FOUND, NOT_REPLAYABLE, STILL_RETRYING or DISCARDED */
        public String code() {
            return code;
        }
    }

    private final DeadLetters letters;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final JdbcTemplate jdbc;
    private final OrderStore orders;
    private final Alerts alerts;

    DeadLetterReplays(DeadLetters letters, ProducerTemplate producer, CamelContext camel, JdbcTemplate jdbc,
            OrderStore orders, Alerts alerts) {
        this.letters = letters;
        this.alerts = alerts;
        this.producer = producer;
        this.camel = camel;
        this.jdbc = jdbc;
        this.orders = orders;
    }

    /**
     * Runs the dead letter through today's routes and keeps the replay.
     *
     * @param operator the authenticated operator asking for it
     * @param reason   why (required: the cause that was removed)
     * @param bypassDuplicates skip the document-level duplicate check
     */
    public DeadLetters.Replay replay(long id, String operator, String reason, boolean bypassDuplicates) {
        DeadLetters.Detail letter = letters.detail(id).orElseThrow(() -> new ReplayRefusedException("NOT_FOUND",
                "there is no dead letter " + id));
        DeadLetters.Summary s = letter.summary();
        if (letter.entryPoint() == null) {
            throw new ReplayRefusedException("NOT_REPLAYABLE", "dead letter " + id + " failed in route " + s.routeId()
                    + ", which has no direct: entry to replay it through");
        }
        if (s.status() == DeadLetters.Status.DISCARDED) {
            throw new ReplayRefusedException("DISCARDED", "dead letter " + id + " was discarded");
        }
        if (s.status() == DeadLetters.Status.RETRYING && !s.source().startsWith("http ")) {
            // the file is still in inbound/ (the Kafka record still re-read): a replay beside it would race it
            throw new ReplayRefusedException("STILL_RETRYING", "dead letter " + id + " is still being retried by its "
                    + "source (" + s.source() + "); it can be replayed once it is parked");
        }
        Exchange exchange = new DefaultExchange(camel);
        Message message = exchange.getMessage();
        Map<String, String> stored = letter.headers();
        // only what the hub stored is restored, and nothing that would steer Camel itself
        stored.forEach((name, value) -> {
            if (!name.regionMatches(true, 0, "Camel", 0, 5) && !name.equals("fileName")) {
                message.setHeader(name, value);
            }
        });
        if (stored.containsKey("fileName")) {
            message.setHeader(Exchange.FILE_NAME_ONLY, stored.get("fileName"));
            message.setHeader(Exchange.FILE_NAME, stored.get("fileName"));
        }
        message.setHeader(EdiHubHeaders.REPLAY_OF, id);
        message.setHeader(EdiHubHeaders.BYPASS_DUPLICATES, bypassDuplicates);
        message.setBody(letter.body());
        LOG.info("{} replays dead letter {} ({}) through {}{}: {}", operator, id, s.source(), letter.entryPoint(),
                bypassDuplicates ? " bypassing the document-level duplicate check" : "", reason);
        Exchange done = producer.send(letter.entryPoint(), exchange);
        Outcome outcome;
        String detail;
        Long documentId = null;
        if (done.getException() != null) {
            outcome = Outcome.FAILED;
            detail = done.getException().getClass().getName() + ": " + done.getException().getMessage();
        } else {
            Message m = done.getMessage();
            Integer status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            documentId = m.getHeader(EdiHubHeaders.DOCUMENT_ID, Long.class);
            if (status != null) {
                detail = m.getBody(String.class);
                outcome = status < 300 ? Outcome.PROCESSED : status == 409 ? Outcome.DUPLICATE : Outcome.REFUSED;
                documentId = documentId != null ? documentId : documentIn(detail);
                detail = "HTTP " + status + " " + detail;
            } else if (documentId != null) {
                Map<String, Object> document = jdbc.queryForMap("select outcome, error_report from "
                        + "inbound_document_overview where id = ?", documentId);
                String report = (String) document.get("error_report");
                outcome = "ACCEPTED".equals(document.get("outcome")) || "ACCEPTED_AS_TEST".equals(document.get("outcome"))
                        ? Outcome.PROCESSED
                        : report != null && report.contains("DUPLICATE") ? Outcome.DUPLICATE : Outcome.REFUSED;
                detail = "document " + documentId + " " + document.get("outcome") + (report == null ? "" : ":\n" + report);
            } else {
                // a shipment: the desk's outcome (APPLIED, DUPLICATE, EXCEPTION) is the body
                String result = camel.resolveLanguage("simple").createExpression("${body.result}").evaluate(done,
                        String.class);
                String code = camel.resolveLanguage("simple").createExpression("${body.code}").evaluate(done, String.class);
                outcome = "APPLIED".equals(result) ? Outcome.PROCESSED
                        : "DUPLICATE".equals(result) || "CONFLICTING_DUPLICATE".equals(code) ? Outcome.DUPLICATE
                        : Outcome.REFUSED;
                detail = result + (code == null ? "" : " " + code) + ": " + camel.resolveLanguage("simple")
                        .createExpression("${body.message}").evaluate(done, String.class);
            }
        }
        DeadLetters.Replay replay = letters.recordReplay(id, operator, reason, bypassDuplicates, outcome.name(), detail,
                documentId, outcome == Outcome.FAILED ? null : DeadLetters.Status.REPLAYED);
        if (documentId != null) {
            timeline(documentId, id, operator, reason, bypassDuplicates, outcome);
        }
        if (outcome != Outcome.FAILED) {
            // the input went through today's routes (taken, or answered as a duplicate or a refusal): parked no more
            alerts.closeAbout(DeadLetters.PARKED_ALERT, DeadLetters.subject(id), operator, "dead letter " + id
                    + " replayed: " + outcome + "; " + reason);
        }
        LOG.info("replay of dead letter {} by {}: {}", id, operator, outcome);
        return replay;
    }

    /**
     * An operator decides a dead letter is not to be processed (a test file, something the partner sent again
     * in a corrected form): it is kept, marked DISCARDED, and the decision recorded with who, when and why.
     */
    public DeadLetters.Replay discard(long id, String operator, String reason) {
        DeadLetters.Summary s = letters.summary(id).orElseThrow(() -> new ReplayRefusedException("NOT_FOUND",
                "there is no dead letter " + id));
        if (s.status() == DeadLetters.Status.DISCARDED) {
            throw new ReplayRefusedException("DISCARDED", "dead letter " + id + " was discarded already");
        }
        if (s.status() == DeadLetters.Status.RETRYING && !s.source().startsWith("http ")) {
            throw new ReplayRefusedException("STILL_RETRYING", "dead letter " + id + " is still being retried by its "
                    + "source (" + s.source() + "); it can be discarded once it is parked");
        }
        LOG.info("{} discards dead letter {} ({}): {}", operator, id, s.source(), reason);
        DeadLetters.Replay discarded = letters.recordReplay(id, operator, reason, false, "DISCARDED",
                "not processed: discarded by " + operator, null, DeadLetters.Status.DISCARDED);
        alerts.closeAbout(DeadLetters.PARKED_ALERT, DeadLetters.subject(id), operator, "dead letter " + id
                + " discarded: " + reason);
        return discarded;
    }

    /**
     * Puts the replay on the timeline of every order this dead letter's replays took or were refused for: a
     * refused duplicate leaves no trace of its own, so the orders an earlier replay of the same input took
     * are the ones it concerns.
     */
    private void timeline(long documentId, long letterId, String operator, String reason, boolean bypass, Outcome outcome) {
        List<Map<String, Object>> touched = jdbc.queryForList("select partner_id, po_number, max(order_id) as order_id "
                + "from (select partner_id, po_number, order_id from order_revision_overview "
                + "where document_id in (select ? union select document_id from dead_letter_replay "
                + "where dead_letter_id = ? and document_id is not null) "
                + "union select partner_id, po_number, id from order_overview "
                + "where document_id in (select ? union select document_id from dead_letter_replay "
                + "where dead_letter_id = ? and document_id is not null)) t "
                + "group by partner_id, po_number", documentId, letterId, documentId, letterId);
        for (Map<String, Object> row : touched) {
            Number orderId = (Number) row.get("order_id");
            orders.recordEvent((String) row.get("partner_id"), (String) row.get("po_number"),
                    orderId == null ? null : orderId.longValue(), documentId,
                    bypass ? "REPLAYED_BYPASSING_DUPLICATES" : "REPLAYED", "dead letter " + letterId + " replayed by "
                            + operator + (bypass ? " with the document-level duplicate check bypassed" : "") + ": "
                            + outcome + "; reason: " + reason, false);
        }
    }

    private static Long documentIn(String json) {
        try {
            JsonNode node = json == null ? null : CanonicalJson.MAPPER.readTree(json);
            return node != null && node.path("documentId").canConvertToLong() ? node.path("documentId").asLong() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
