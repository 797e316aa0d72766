package io.edihub.api;

import static io.edihub.api.ApiExchange.caller;
import static io.edihub.api.ApiExchange.error;
import static io.edihub.api.ApiExchange.respond;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.document.OrderFormat;
import io.edihub.intake.OrderDecisions;
import io.edihub.intake.OrderDocumentIntake;
import io.edihub.intake.OrderResponse;
import io.edihub.ops.OrderTimeline;
import io.edihub.order.OrderStore;
import io.edihub.policy.OrderDesk;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What the HTTP API routes ({@code routes/order-api.camel.yaml}) call: every answer is JSON with a status
 * code that says what happened, and every refusal says where and why.
 */
@Component("orderApi")
public class OrderApi {

    private final OrderDocumentIntake intake;
    private final OrderDecisions decisions;
    private final OrderStore store;
    private final OrderTimeline timelines;
    private final Clock clock;

    OrderApi(OrderDocumentIntake intake, OrderDecisions decisions, OrderStore store, OrderTimeline timelines,
            Clock clock) {
        this.intake = intake;
        this.decisions = decisions;
        this.store = store;
        this.timelines = timelines;
        this.clock = clock;
    }

    /** {@code POST /api/v1/orders}: a JSON or CSV order document from the calling partner. */
    public void receive(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partnerId = caller.operator() ? exchange.getMessage().getHeader("partner", String.class) : caller.name();
        if (partnerId == null || partnerId.isBlank()) {
            respond(exchange, 400, error("partner", "PARTNER_MISSING", "an operator sending an order names its partner: "
                    + "POST /api/v1/orders?partner=<id>"));
            return;
        }
        byte[] content = exchange.getMessage().getBody(byte[].class);
        Optional<String> nothing = OrderFormat.nothingIn(content);
        if (nothing.isPresent()) {
            respond(exchange, 400, error("document", "EMPTY", "the request body " + nothing.get() + ": send a JSON or CSV "
                    + "order"));
            return;
        }
        OrderFormat format = OrderFormat.detect(content);
        if (format != OrderFormat.JSON && format != OrderFormat.CSV) {
            respond(exchange, 415, error("document", "UNSUPPORTED_FORMAT", "the body is " + (format == OrderFormat.UNKNOWN
                    ? "neither JSON nor CSV with a po_number header" : format + "; over HTTP the hub takes JSON and CSV orders "
                    + "(X12 and EDIFACT go through SFTP)")));
            return;
        }
        String name = "http-" + clock.instant().toEpochMilli() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                + (format == OrderFormat.JSON ? ".json" : ".csv");
        OrderDocumentIntake.Received received = intake.receive(partnerId, "HTTP", name, content, format);
        OrderResponse response = received.response();
        if (response == null) {
            respond(exchange, 409, error("document", "IN_PROGRESS", "this document is already being processed"));
            return;
        }
        intake.complete(response.documentId());
        respond(exchange, status(response), response);
    }

    private static int status(OrderResponse r) {
        if (!r.errors().isEmpty()) {
            return r.errors().stream().anyMatch(e -> "TOO_LARGE".equals(e.code())) ? 413 : 400;
        }
        boolean allRefused = r.orders().stream().allMatch(o -> "REFUSED".equals(o.result()));
        if (allRefused) {
            return r.orders().stream().allMatch(o -> o.code() != null && o.code().startsWith("DUPLICATE")) ? 409 : 422;
        }
        // a partner in test mode: its orders were checked and none was taken, so nothing was created
        return !r.orders().isEmpty() && r.orders().stream().allMatch(o -> "CHECKED".equals(o.result())) ? 200 : 201;
    }

    /** {@code POST /api/v1/orders/{partner}/{po}/decision}: {@code {"decision": "approve" | "reject", "comment": "..."}}. */
    public void decide(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        if (!caller.operator()) {
            respond(exchange, 403, error("caller", "FORBIDDEN", "only an operator decides on held orders"));
            return;
        }
        String partnerId = exchange.getMessage().getHeader("partner", String.class);
        String po = exchange.getMessage().getHeader("po", String.class);
        String release = exchange.getMessage().getHeader("release", String.class);
        JsonNode body = ApiExchange.jsonBody(exchange);
        String decision = body == null ? null : body.path("decision").asText(null);
        if (decision == null || !(decision.equalsIgnoreCase("approve") || decision.equalsIgnoreCase("reject"))) {
            respond(exchange, 400, error("/decision", "BAD_DECISION",
                    "the body must be JSON like {\"decision\": \"approve\", \"comment\": \"why\"}; decision is approve or reject"));
            return;
        }
        String comment = body.path("comment").asText(null);
        try {
            OrderDecisions.Decided decided = decisions.decide(partnerId, po, release,
                    OrderDesk.Decision.valueOf(decision.toUpperCase()), caller.name(), comment);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("partner", partnerId);
            answer.put("poNumber", po);
            answer.put("result", decided.outcome().result().name());
            answer.put("message", decided.outcome().message());
            answer.put("acknowledgmentFile", decided.acknowledgment() == null ? null : decided.acknowledgment().fileName());
            answer.put("acknowledgment", decided.outcome().acknowledgment());
            respond(exchange, 200, answer);
        } catch (OrderDesk.DecisionRefusedException e) {
            respond(exchange, e.notFound() ? 404 : 409, error("order", e.notFound() ? "NOT_FOUND" : "NOT_HELD", e.getMessage()));
        }
    }

    /** {@code GET /api/v1/orders/{partner}/{po}}: the order as it stands, its releases and its timeline. */
    public void show(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partnerId = exchange.getMessage().getHeader("partner", String.class);
        String po = exchange.getMessage().getHeader("po", String.class);
        String release = exchange.getMessage().getHeader("release", String.class);
        if (!caller.operator() && !caller.name().equals(partnerId)) {
            respond(exchange, 403, error("partner", "FORBIDDEN", "a partner sees its own orders only"));
            return;
        }
        store.current(partnerId, po, release).ifPresentOrElse(current -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("partner", partnerId);
            answer.put("poNumber", po);
            answer.put("status", current.status());
            answer.put("order", current.order());
            answer.put("releases", current.releases());
            answer.put("timeline", store.events(partnerId, po));
            respond(exchange, 200, answer);
        }, () -> respond(exchange, 404, error("order", "NOT_FOUND", "PO " + po + " is not on file for partner " + partnerId)));
    }

    /**
     * {@code GET /api/v1/orders/{partner}/{po}/timeline}: every document and event of one PO in order, the
     * releases as they stand and the alerts still open.
     */
    public void timeline(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partnerId = exchange.getMessage().getHeader("partner", String.class);
        String po = exchange.getMessage().getHeader("po", String.class);
        if (!caller.operator() && !caller.name().equals(partnerId)) {
            respond(exchange, 403, error("partner", "FORBIDDEN", "a partner sees its own orders only"));
            return;
        }
        timelines.of(partnerId, po).ifPresentOrElse(view -> respond(exchange, 200, view),
                () -> respond(exchange, 404, error("order", "NOT_FOUND", "the hub has nothing on PO " + po
                        + " of partner " + partnerId)));
    }
}
