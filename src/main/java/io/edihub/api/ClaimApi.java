package io.edihub.api;

import static io.edihub.api.ApiExchange.caller;
import static io.edihub.api.ApiExchange.error;
import static io.edihub.api.ApiExchange.jsonBody;
import static io.edihub.api.ApiExchange.operatorOnly;
import static io.edihub.api.ApiExchange.parameter;
import static io.edihub.api.ApiExchange.pathId;
import static io.edihub.api.ApiExchange.respond;
import static io.edihub.api.ApiExchange.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.claims.Claim;
import io.edihub.claims.ClaimQueries;
import io.edihub.claims.ClaimSettlements;
import io.edihub.claims.Claims;
import io.edihub.document.OrderFormat;
import io.edihub.intake.AdjustmentIntake;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the claim routes of {@code routes/order-api.camel.yaml} call:
 * <ul>
 * <li>{@code GET /api/v1/claims?status=&partner=&po=} and {@code GET /api/v1/claims/{id}}: a partner sees its own
 * claims, an operator everyone's;</li>
 * <li>{@code POST /api/v1/claims}: a dispute of goods on one of our invoices, by the partner itself or by an operator
 * for a partner ({@code ?partner=}): a credit adjustment document (the JSON or CSV form of an 812,
 * {@code schemas/adjustment.v1.schema.json}), answered like an acceptance document; or, shorter,
 * {@code {"reference", "invoiceNumber", "currency", "reason", "condition", "lines": [{"lineNumber", "quantity",
 * "amount", "unitPrice"}]}};</li>
 * <li>{@code POST /api/v1/claims/{id}/settlement}, operators only: {@code {"settlementKey", "decision", "reason",
 * "lines": [{"lineNumber", "quantity", "amount"}]}}; the operator is recorded as deciding.</li>
 * </ul>
 */
@Component("claimApi")
public class ClaimApi {

    private static final int LIMIT = 500;

    private final Claims claims;
    private final ClaimSettlements settlements;
    private final ClaimQueries queries;
    private final AdjustmentIntake adjustments;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClaimApi(Claims claims, ClaimSettlements settlements, ClaimQueries queries, AdjustmentIntake adjustments,
            TransactionTemplate transactions, Clock clock) {
        this.claims = claims;
        this.adjustments = adjustments;
        this.clock = clock;
        this.settlements = settlements;
        this.queries = queries;
        this.transactions = transactions;
    }

    /** {@code GET /api/v1/claims}: newest first; open and settling ones by default. */
    public void list(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String status = Optional.ofNullable(parameter(exchange, "status")).orElse("unsettled").toUpperCase(Locale.ROOT);
        List<Claim.Status> statuses;
        if (status.equals("ALL")) {
            statuses = List.of(Claim.Status.values());
        } else if (status.equals("UNSETTLED")) {
            statuses = List.of(Claim.Status.OPEN, Claim.Status.SETTLING);
        } else {
            try {
                statuses = List.of(Claim.Status.valueOf(status));
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, error("status", "BAD_STATUS", "status is unsettled (the default), all, open, settling, "
                        + "settled or denied, not '" + status.toLowerCase(Locale.ROOT) + "'"));
                return;
            }
        }
        String partner = caller.operator() ? parameter(exchange, "partner") : caller.name();
        List<Claim> found = queries.list(statuses, partner, parameter(exchange, "po"), LIMIT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status.toLowerCase(Locale.ROOT));
        answer.put("partner", partner);
        answer.put("count", found.size());
        answer.put("claims", found);
        respond(exchange, 200, answer);
    }

    /** {@code GET /api/v1/claims/{id}}: the claim with its lines, settlements and steps. */
    public void show(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        Optional<Long> id = pathId(exchange, "no claim has the id");
        if (id.isEmpty()) {
            return;
        }
        Optional<Claim> claim = queries.find(id.get()).filter(c -> caller.operator() || c.partnerId().equals(caller.name()));
        if (claim.isEmpty()) {
            respond(exchange, 404, error("id", "NOT_FOUND", "no claim has the id " + id.get()));
            return;
        }
        respond(exchange, 200, claim.get());
    }

    /** {@code POST /api/v1/claims}: a claim on invoiced goods. */
    public void raise(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partnerId = caller.operator() ? parameter(exchange, "partner") : caller.name();
        if (partnerId == null) {
            respond(exchange, 400, error("partner", "PARTNER_MISSING", "an operator raising a claim names its partner: "
                    + "POST /api/v1/claims?partner=<id>"));
            return;
        }
        byte[] content = exchange.getMessage().getBody(byte[].class);
        OrderFormat format = content == null ? OrderFormat.UNKNOWN : OrderFormat.detect(content);
        if (format == OrderFormat.ADJUSTMENT_JSON || format == OrderFormat.ADJUSTMENT_CSV) {
            adjustment(exchange, partnerId, content, format);
            return;
        }
        JsonNode body = jsonBody(exchange);
        String reference = text(body, "reference");
        String invoiceNumber = text(body, "invoiceNumber");
        if (body == null || reference == null || invoiceNumber == null || !body.path("lines").isArray()) {
            respond(exchange, 400, error("body", "MALFORMED", "the body is JSON like {\"reference\": \"your id for the "
                    + "dispute\", \"invoiceNumber\": \"EDH-00000001\", \"reason\": \"damaged\", \"lines\": [{\"lineNumber\": "
                    + "\"1\", \"quantity\": 2}]}"));
            return;
        }
        List<Claims.ClaimedLine> lines = new ArrayList<>();
        for (JsonNode line : body.path("lines")) {
            String number = text(line, "lineNumber");
            if (number == null) {
                respond(exchange, 400, error("lines", "LINE_NUMBER_MISSING", "every line names its lineNumber"));
                return;
            }
            try {
                lines.add(new Claims.ClaimedLine(number, decimal(line, "quantity"), decimal(line, "amount"),
                        decimal(line, "unitPrice")));
            } catch (NumberFormatException e) {
                respond(exchange, 400, error("lines/" + number, "NOT_A_NUMBER", "quantity, amount and unitPrice are numbers"));
                return;
            }
        }
        Claims.OnInvoice request = new Claims.OnInvoice(partnerId, invoiceNumber,
                caller.operator() ? Claim.Source.OPERATOR : Claim.Source.ADJUSTMENT, reference, text(body, "currency"),
                text(body, "reason"), text(body, "condition"), lines);
        try {
            Claims.Raised raised = transactions.execute(s -> claims.raiseOnInvoice(request, caller.name()));
            respond(exchange, raised.created() ? 201 : 200, raised.claim());
        } catch (Claims.Refused e) {
            respond(exchange, e.code().equals("UNKNOWN_INVOICE") ? 404 : 422, error(e.location(), e.code(), e.getMessage()));
        }
    }

    /** A credit adjustment document: 201 with the claims raised, or 400 / 413 / 422 with every reason, nothing taken. */
    private void adjustment(Exchange exchange, String partnerId, byte[] content, OrderFormat format) {
        String name = "http-adjustment-" + clock.instant().toEpochMilli() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8)
                + (format == OrderFormat.ADJUSTMENT_JSON ? ".json" : ".csv");
        AdjustmentIntake.Received received = adjustments.receiveDocument(partnerId, "HTTP", name, content, format);
        AdjustmentIntake.Response response = received.response();
        if (response == null) {
            respond(exchange, 409, error("document", "IN_PROGRESS", "this document is already being processed"));
            return;
        }
        adjustments.complete(response.documentId());
        int status = "ACCEPTED".equals(response.status()) ? 201
                : response.errors().stream().anyMatch(e -> "TOO_LARGE".equals(e.code())) ? 413
                : !response.errors().isEmpty() ? 400
                : response.adjustments().stream().anyMatch(r -> "UNKNOWN_INVOICE".equals(r.code())) ? 404 : 422;
        respond(exchange, status, response);
    }

    /** {@code POST /api/v1/claims/{id}/settlement}: an operator's decision. */
    public void settle(Exchange exchange) {
        if (!operatorOnly(exchange, "only an operator settles claims")) {
            return;
        }
        String actor = caller(exchange).name();
        Optional<Long> id = pathId(exchange, "no claim has the id");
        if (id.isEmpty()) {
            return;
        }
        JsonNode body = jsonBody(exchange);
        String decision = text(body, "decision");
        String reason = text(body, "reason");
        String key = text(body, "settlementKey");
        Claim.Decision parsed;
        try {
            parsed = decision == null ? null : Claim.Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || reason == null || key == null) {
            respond(exchange, 400, error(parsed == null ? "/decision" : reason == null ? "/reason" : "/settlementKey",
                    "MALFORMED", "the body is JSON like {\"settlementKey\": \"your id for this decision\", \"decision\": "
                            + "\"REPLACE | RETURN | ACCEPT_AFTER_ALL | WRITE_OFF | CREDIT | DENY\", \"reason\": \"why\", "
                            + "\"lines\": [{\"lineNumber\": \"1\", \"quantity\": 15}]} (no lines: everything still open)"));
            return;
        }
        List<Claim.SettledLine> lines = new ArrayList<>();
        for (JsonNode line : body.path("lines")) {
            String number = text(line, "lineNumber");
            if (number == null) {
                respond(exchange, 400, error("/lines", "LINE_NUMBER_MISSING", "every line names its lineNumber"));
                return;
            }
            try {
                lines.add(new Claim.SettledLine(number, decimal(line, "quantity"), decimal(line, "amount")));
            } catch (NumberFormatException e) {
                respond(exchange, 400, error("/lines/" + number, "NOT_A_NUMBER", "quantity and amount are numbers"));
                return;
            }
        }
        ClaimSettlements.Decision d = new ClaimSettlements.Decision(key, parsed, reason, lines);
        ClaimSettlements.Result result = transactions.execute(s -> {
            ClaimSettlements.Result r = settlements.settle(id.get(), d, actor);
            if (r.claim() == null) {
                // a refused decision leaves nothing behind
                s.setRollbackOnly();
            }
            return r;
        });
        if (result.claim() != null) {
            respond(exchange, 200, result.claim());
        } else {
            respond(exchange, result.status(), error(result.location(), result.code(), result.message()));
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue()
                : new BigDecimal(value.asText().strip());
    }
}
