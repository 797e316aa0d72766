package io.edihub.api;

import static io.edihub.api.ApiExchange.caller;
import static io.edihub.api.ApiExchange.error;
import static io.edihub.api.ApiExchange.jsonBody;
import static io.edihub.api.ApiExchange.operatorOnly;
import static io.edihub.api.ApiExchange.parameter;
import static io.edihub.api.ApiExchange.pathId;
import static io.edihub.api.ApiExchange.respond;
import static io.edihub.api.ApiExchange.text;

import io.edihub.ops.Alerts;
import io.edihub.ops.Watchdog;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the alert routes of {@code routes/order-api.camel.yaml} call: the operators' list of alerts, and
 * closing a one-off alert someone has dealt with. The watchdog's alerts close by themselves when their cause
 * goes away.
 */
@Component("alertApi")
public class AlertApi {

    /** More than a person reads; the filters narrow it down. */
    private static final int LIMIT = 500;

    private final Alerts alerts;
    private final TransactionTemplate transactions;

    AlertApi(Alerts alerts, TransactionTemplate transactions) {
        this.alerts = alerts;
        this.transactions = transactions;
    }

    /** {@code GET /api/v1/alerts?status=open|closed|all&partner=&po=}: open ones by default, newest first. */
    public void list(Exchange exchange) {
        if (!operatorOnly(exchange, "alerts are for operators")) {
            return;
        }
        String status = Optional.ofNullable(exchange.getMessage().getHeader("status", String.class)).orElse("open")
                .strip().toLowerCase(Locale.ROOT);
        if (!List.of("open", "closed", "all").contains(status)) {
            respond(exchange, 400, error("status", "BAD_STATUS", "status is open (the default), closed or all, not '"
                    + status + "'"));
            return;
        }
        Alerts.Status filter = status.equals("all") ? null : Alerts.Status.valueOf(status.toUpperCase(Locale.ROOT));
        String partner = parameter(exchange, "partner");
        String po = parameter(exchange, "po");
        List<Map<String, Object>> found = alerts.list(filter, partner, po, LIMIT).stream().map(AlertApi::view).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("partner", partner);
        answer.put("poNumber", po);
        answer.put("count", found.size());
        answer.put("alerts", found);
        respond(exchange, 200, answer);
    }

    /** {@code POST /api/v1/alerts/{id}/close} with {@code {"reason": "..."}}: the caller is recorded as closing it. */
    public void close(Exchange exchange) {
        if (!operatorOnly(exchange, "only an operator closes alerts")) {
            return;
        }
        String closedBy = caller(exchange).name();
        Optional<Long> found = pathId(exchange, "no alert has the id");
        if (found.isEmpty()) {
            return;
        }
        long id = found.get();
        String reason = text(jsonBody(exchange), "reason");
        if (reason == null) {
            respond(exchange, 400, error("/reason", "REASON_MISSING", "say what was done about it: the body must be JSON "
                    + "like {\"reason\": \"partner resent the 861\"}"));
            return;
        }
        Optional<Alerts.Stored> stored = alerts.find(id);
        if (stored.isEmpty()) {
            respond(exchange, 404, error("id", "NOT_FOUND", "no alert has the id " + id));
            return;
        }
        Alerts.Alert alert = stored.get().alert();
        if (Arrays.stream(Watchdog.Check.values()).anyMatch(c -> c.name().equals(alert.kind()))) {
            respond(exchange, 409, error("id", "CLOSES_ITSELF", "alert " + id + " (" + alert.kind() + ") is the watchdog's: "
                    + "it closes by itself when its cause goes away, and would open again at the next pass while the cause "
                    + "is there; deal with the cause, or switch the check off for the partner in its file"));
            return;
        }
        Optional<Alerts.Alert> closed = transactions.execute(s -> alerts.close(id, closedBy, reason));
        if (closed.isEmpty()) {
            respond(exchange, 409, error("id", "ALREADY_CLOSED", "alert " + id + " was closed already"));
            return;
        }
        respond(exchange, 200, view(alerts.find(id).orElseThrow()));
    }

    private static Map<String, Object> view(Alerts.Stored stored) {
        Alerts.Alert a = stored.alert();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("key", a.alertKey());
        view.put("kind", a.kind());
        view.put("status", a.status());
        view.put("partnerId", a.partnerId());
        view.put("poNumber", a.poNumber());
        view.put("subject", a.subject());
        view.put("detail", a.detail());
        view.put("since", a.since());
        view.put("raisedAt", a.raisedAt());
        view.put("lastSeenAt", stored.lastSeenAt());
        view.put("closedAt", a.closedAt());
        view.put("closedBy", a.closedBy());
        view.put("closedReason", a.closedReason());
        return view;
    }
}
