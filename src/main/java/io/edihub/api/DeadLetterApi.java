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
import io.edihub.ops.DeadLetterReplays;
import io.edihub.ops.DeadLetters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The dead letters over HTTP, for operators ({@code ApiSecurityConfiguration} already keeps partners out of
 * {@code /api/v1/dead-letters}; this checks again, as every API bean checks its caller): list them, look at
 * one with its error and replays, replay one by id with a reason.
 */
@Component("deadLetterApi")
public class DeadLetterApi {

    private static final int MAX_LISTED = 500;

    private final DeadLetters letters;
    private final DeadLetterReplays replays;

    DeadLetterApi(DeadLetters letters, DeadLetterReplays replays) {
        this.letters = letters;
        this.replays = replays;
    }

    /** {@code GET /api/v1/dead-letters?status=PARKED&partner=acme&route=receiveOrders-acme&limit=100}, newest first. */
    public void list(Exchange exchange) {
        if (!operatorOnly(exchange, "dead letters are for operators only")) {
            return;
        }
        String status = exchange.getMessage().getHeader("status", String.class);
        DeadLetters.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = DeadLetters.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, error("status", "BAD_STATUS", "status is one of RETRYING, RECOVERED, PARKED, "
                        + "REPLAYED, DISCARDED, not '" + status + "'"));
                return;
            }
        }
        int limit;
        try {
            limit = Math.min(MAX_LISTED, Math.max(1, Integer.parseInt(exchange.getMessage().getHeader("limit", "100",
                    String.class).trim())));
        } catch (NumberFormatException e) {
            respond(exchange, 400, error("limit", "BAD_LIMIT", "limit is a number from 1 to " + MAX_LISTED));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deadLetters", letters.list(wanted, parameter(exchange, "partner"), parameter(exchange, "route"),
                limit));
        respond(exchange, 200, answer);
    }

    /** {@code GET /api/v1/dead-letters/{id}}: the error, the body (as text when it is text, else base64), the replays. */
    public void show(Exchange exchange) {
        if (!operatorOnly(exchange, "dead letters are for operators only")) {
            return;
        }
        Optional<Long> id = pathId(exchange, "there is no dead letter");
        if (id.isEmpty()) {
            return;
        }
        letters.detail(id.get()).ifPresentOrElse(d -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            DeadLetters.Summary s = d.summary();
            answer.put("id", s.id());
            answer.put("routeId", s.routeId());
            answer.put("entryPoint", d.entryPoint());
            answer.put("source", s.source());
            answer.put("partnerId", s.partnerId());
            answer.put("status", s.status());
            answer.put("attempts", s.attempts());
            answer.put("firstFailedAt", s.firstFailedAt());
            answer.put("lastFailedAt", s.lastFailedAt());
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("class", s.errorClass());
            error.put("message", s.errorMessage());
            error.put("stackTrace", d.stackTrace());
            answer.put("error", error);
            answer.put("headers", d.headers());
            answer.put("sha256", d.sha256());
            answer.put("sizeBytes", d.body().length);
            Optional<String> text = d.text();
            answer.put("bodyEncoding", text.isPresent() ? "text" : "base64");
            answer.put("body", text.orElseGet(d::base64));
            answer.put("replays", d.replays());
            respond(exchange, 200, answer);
        }, () -> respond(exchange, 404, error("id", "NOT_FOUND", "there is no dead letter " + id.get())));
    }

    /**
     * {@code POST /api/v1/dead-letters/{id}/replay} with {@code {"reason": "...", "bypassDuplicates": false}}: runs it
     * through today's routes as the calling operator. Answers the replay: 200 processed, 409 a duplicate, 422 its
     * content was refused, 500 it failed again.
     */
    public void replay(Exchange exchange) {
        if (!operatorOnly(exchange, "dead letters are for operators only")) {
            return;
        }
        Optional<Long> id = pathId(exchange, "there is no dead letter");
        if (id.isEmpty()) {
            return;
        }
        JsonNode body = jsonBody(exchange);
        String reason = text(body, "reason");
        JsonNode bypass = body == null ? null : body.path("bypassDuplicates");
        if (reason == null || (bypass != null && !bypass.isMissingNode() && !bypass.isBoolean())) {
            respond(exchange, 400, error("/reason", "REASON_MISSING", "the body must be JSON like {\"reason\": \"why it "
                    + "can go through now\", \"bypassDuplicates\": false}; a reason is required"));
            return;
        }
        String operator = caller(exchange).name();
        try {
            DeadLetters.Replay replay = replays.replay(id.get(), operator, reason, bypass != null
                    && bypass.asBoolean(false));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("deadLetterId", id.get());
            answer.put("replay", replay);
            answer.put("status", letters.summary(id.get()).map(DeadLetters.Summary::status).orElse(null));
            respond(exchange, switch (replay.outcome()) {
                case "PROCESSED" -> 200;
                case "DUPLICATE" -> 409;
                case "REFUSED" -> 422;
                default -> 500;
            }, answer);
        } catch (DeadLetterReplays.ReplayRefusedException e) {
            respond(exchange, "NOT_FOUND".equals(e.code()) ? 404 : 409, error("id", e.code(), e.getMessage()));
        }
    }

    /** {@code POST /api/v1/dead-letters/{id}/discard} with {@code {"reason": "..."}}: kept, but not to be processed. */
    public void discard(Exchange exchange) {
        if (!operatorOnly(exchange, "dead letters are for operators only")) {
            return;
        }
        Optional<Long> id = pathId(exchange, "there is no dead letter");
        if (id.isEmpty()) {
            return;
        }
        String reason = text(jsonBody(exchange), "reason");
        if (reason == null) {
            respond(exchange, 400, error("/reason", "REASON_MISSING", "the body must be JSON like {\"reason\": \"why it "
                    + "is not to be processed\"}; a reason is required"));
            return;
        }
        try {
            DeadLetters.Replay discarded = replays.discard(id.get(), caller(exchange).name(), reason);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("deadLetterId", id.get());
            answer.put("replay", discarded);
            answer.put("status", DeadLetters.Status.DISCARDED);
            respond(exchange, 200, answer);
        } catch (DeadLetterReplays.ReplayRefusedException e) {
            respond(exchange, "NOT_FOUND".equals(e.code()) ? 404 : 409, error("id", e.code(), e.getMessage()));
        }
    }
}
