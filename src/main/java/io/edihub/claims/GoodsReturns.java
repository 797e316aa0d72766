package io.edihub.claims;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.edihub.ops.Alerts;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returned goods arriving back, as logistics reports them on {@code edihub.returns.v1}
 * ({@code {"returnId", "rmaNumber", "lines": [{"lineNumber", "quantity"}]}}): each event is kept as it came and, in
 * one transaction, completes the return settlement of its RMA, which settles the claim when nothing else is open. One
 * that cannot be applied (unreadable, an RMA we never issued or already received, other lines or quantities than
 * authorized) is kept as an exception and alerted; a return id seen again is a redelivery and changes nothing.
 */
@Component("goodsReturns")
public class GoodsReturns {

    private static final Logger LOG = LoggerFactory.getLogger(GoodsReturns.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClaimBook book;
    private final ClaimSettlements settlements;
    private final Alerts alerts;
    private final Clock clock;

    GoodsReturns(JdbcTemplate jdbc, TransactionTemplate transactions, ClaimBook book, ClaimSettlements settlements,
            Alerts alerts, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.book = book;
        this.settlements = settlements;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What became of a return event: APPLIED, DUPLICATE or EXCEPTION, with why. */
    public record Outcome(String result, String message) {
    }

    /** What the {@code receiveReturns} route calls for every record. */
    public Outcome consume(@Body String payload, @Header(KafkaConstants.TOPIC) String topic,
            @Header(KafkaConstants.PARTITION) Integer partition, @Header(KafkaConstants.OFFSET) Long offset) {
        return receive(payload, topic + "-" + partition + "@" + offset);
    }

    /** Applies one return event, all in one transaction. */
    public Outcome receive(String payload, String origin) {
        String body = payload == null ? "" : payload;
        Outcome outcome = transactions.execute(status -> apply(body, origin));
        if (!"APPLIED".equals(outcome.result()) && !"DUPLICATE".equals(outcome.result())) {
            LOG.warn("return from {} not applied: {}", origin, outcome.message());
        }
        return outcome;
    }

    private Outcome apply(String payload, String origin) {
        Instant now = clock.instant();
        JsonNode event;
        try {
            event = CanonicalJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            event = null;
        }
        String returnId = text(event, "returnId");
        String rma = text(event, "rmaNumber");
        if (returnId == null || rma == null || event.get("lines") == null || !event.get("lines").isArray()) {
            return refuse(null, null, "a return event from " + origin + " cannot be read: it needs returnId, rmaNumber and "
                    + "lines [{lineNumber, quantity}]", payload, now);
        }
        if (!jdbc.queryForList("select id from goods_return where return_id = ? and status = 'APPLIED'", Long.class,
                returnId).isEmpty()) {
            record(returnId, rma, "DUPLICATE", null, payload, now);
            return new Outcome("DUPLICATE", "return " + returnId + " was applied before; a redelivery changes nothing");
        }
        Optional<Object[]> waiting = book.waitingReturn(rma);
        if (waiting.isEmpty()) {
            return refuse(returnId, rma, "return " + returnId + " names " + rma + ", which is no return authorization of "
                    + "ours still waiting for goods", payload, now);
        }
        Map<String, BigDecimal> authorized = new LinkedHashMap<>();
        ClaimBook.settledLines((String) waiting.get()[2]).forEach(l -> authorized.put(l.lineNumber(),
                l.quantity().stripTrailingZeros()));
        Map<String, BigDecimal> arrived = new LinkedHashMap<>();
        for (JsonNode line : event.get("lines")) {
            String number = text(line, "lineNumber");
            JsonNode quantity = line.get("quantity");
            if (number == null || quantity == null || !quantity.isNumber()) {
                return refuse(returnId, rma, "return " + returnId + ": every line needs a lineNumber and a numeric quantity",
                        payload, now);
            }
            arrived.merge(number, quantity.decimalValue().stripTrailingZeros(), BigDecimal::add);
        }
        if (!sameQuantities(authorized, arrived)) {
            return refuse(returnId, rma, "return " + returnId + " brought " + arrived + " under " + rma + ", which authorized "
                    + authorized + "; an operator must look at the goods", payload, now);
        }
        record(returnId, rma, "APPLIED", null, payload, now);
        settlements.completeReturn((Long) waiting.get()[0], (String) waiting.get()[1], rma, returnId);
        return new Outcome("APPLIED", "return " + returnId + " of " + rma + " applied");
    }

    private static boolean sameQuantities(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private Outcome refuse(String returnId, String rma, String message, String payload, Instant now) {
        long row = record(returnId, rma, "EXCEPTION", message, payload, now);
        alerts.raise("RETURN_REFUSED", rma == null ? "goods-return:" + row : rma, null, null, null, null, message);
        return new Outcome("EXCEPTION", message);
    }

    private long record(String returnId, String rma, String status, String error, String payload, Instant now) {
        return jdbc.queryForObject("insert into goods_return (return_id, rma_number, status, error, payload, received_at) "
                + "values (?, ?, ?, ?, ?, ?) returning id", Long.class, returnId, rma, status, error, payload,
                Timestamp.from(now));
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.get(field) == null || !node.get(field).isTextual() || node.get(field).asText().isBlank()) {
            return null;
        }
        return node.get(field).asText().strip();
    }
}
