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
import io.edihub.canonical.InputError;
import io.edihub.cash.CashApplication;
import io.edihub.cash.PaymentBook;
import io.edihub.document.OrderFormat;
import io.edihub.document.RemittanceCsvReader;
import io.edihub.document.RemittanceDocument;
import io.edihub.document.RemittanceJsonReader;
import io.edihub.intake.IntakeSettings;
import io.edihub.partner.PartnerDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the remittance routes of {@code routes/order-api.camel.yaml} call:
 * <ul>
 * <li>{@code POST /api/v1/remittances}: a payment, by the partner itself or by an operator for a partner
 * ({@code ?partner=}), as a JSON remittance ({@code schemas/remittance.v1.schema.json}) or its CSV form, one payment
 * per request. 201 with the payment and what each line came to; 400 for a body that cannot be read (every error of the
 * reader); 409 for a trace number taken before; 422 for any other refusal. Nothing is applied of a refused payment.
 * The channel recorded is {@code API}, the caller the one who sent it;</li>
 * <li>{@code GET /api/v1/remittances?partner=&unapplied=true} and {@code GET /api/v1/remittances/{id}}: a partner sees
 * its own payments, an operator everyone's;</li>
 * <li>{@code POST /api/v1/remittances/{id}/application}, operators only: {@code {"applicationKey", "invoiceNumber",
 * "amount", "note"}} applies unapplied cash of the payment to one of the partner's invoices, recorded with the
 * operator's name; the same key again changes nothing.</li>
 * </ul>
 */
@Component("remittanceApi")
public class RemittanceApi {

    private static final int LIMIT = 500;
    /** Refusals that conflict with what is on file rather than with the request itself. */
    private static final Set<String> CONFLICTS = Set.of("DUPLICATE_TRACE_NUMBER", "OVER_UNAPPLIED", "OVER_OPEN");

    private final CashApplication cash;
    private final PaymentBook payments;
    private final PartnerDirectory partners;
    private final RemittanceJsonReader json;
    private final RemittanceCsvReader csv;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RemittanceApi(CashApplication cash, PaymentBook payments, PartnerDirectory partners, IntakeSettings settings,
            TransactionTemplate transactions, Clock clock) {
        this.cash = cash;
        this.payments = payments;
        this.partners = partners;
        this.json = new RemittanceJsonReader(settings.maxDocumentBytes());
        this.csv = new RemittanceCsvReader(settings.maxDocumentBytes());
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code POST /api/v1/remittances}: one payment, applied to the partner's invoices. */
    public void receive(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partnerId = caller.operator() ? parameter(exchange, "partner") : caller.name();
        if (partnerId == null) {
            respond(exchange, 400, error("partner", "PARTNER_MISSING", "an operator sending a remittance names its "
                    + "partner: POST /api/v1/remittances?partner=<id>"));
            return;
        }
        if (partners.byId(partnerId).isEmpty()) {
            // an operator's typo would otherwise leave cash on the account of nobody
            respond(exchange, 404, error("partner", "UNKNOWN_PARTNER", "there is no partner '" + partnerId + "'"));
            return;
        }
        byte[] content = exchange.getMessage().getBody(byte[].class);
        Optional<String> nothing = OrderFormat.nothingIn(content);
        if (nothing.isPresent()) {
            respond(exchange, 400, error("document", "EMPTY", "the request body " + nothing.get() + ": send a JSON or CSV "
                    + "remittance"));
            return;
        }
        String type = Optional.ofNullable(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).orElse("")
                .toLowerCase(Locale.ROOT);
        OrderFormat format = OrderFormat.detect(content);
        // what the content says first; a body too broken to say, by its content type
        boolean isCsv = format == OrderFormat.REMITTANCE_CSV || format != OrderFormat.REMITTANCE_JSON && type.contains("csv");
        if (format != OrderFormat.REMITTANCE_JSON && format != OrderFormat.REMITTANCE_CSV && !type.contains("json")
                && !type.contains("csv")) {
            respond(exchange, 415, error("document", "UNSUPPORTED_FORMAT", "the body is not a remittance: JSON with a "
                    + "traceNumber (schemas/remittance.v1.schema.json) or CSV with a trace_number column; 820s go "
                    + "through SFTP"));
            return;
        }
        String name = "http-remittance-" + clock.instant().toEpochMilli() + (isCsv ? ".csv" : ".json");
        RemittanceDocument document = isCsv ? csv.read(partnerId, name, content) : json.read(partnerId, name, content);
        if (!document.accepted()) {
            respond(exchange, status(document.errors()), rejected(document.errors()));
            return;
        }
        if (document.remittances().size() != 1) {
            respond(exchange, 400, error("document", "ONE_PAYMENT_PER_REQUEST", "the body holds "
                    + document.remittances().size() + " payments; send one per request, or upload the file over SFTP"));
            return;
        }
        try {
            PaymentBook.Payment payment = transactions.execute(s -> cash.take(document.remittances().get(0), "API", null,
                    caller.name()));
            respond(exchange, 201, payment);
        } catch (CashApplication.Refused e) {
            respond(exchange, CONFLICTS.contains(e.code()) ? 409 : 422, error(e.location(), e.code(), e.getMessage()));
        }
    }

    /** {@code GET /api/v1/remittances}: payments, newest first; {@code ?unapplied=true} only those with cash left. */
    public void list(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partner = caller.operator() ? parameter(exchange, "partner") : caller.name();
        boolean unapplied = "true".equalsIgnoreCase(parameter(exchange, "unapplied"));
        List<PaymentBook.Payment> found = payments.list(partner, unapplied, LIMIT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("partner", partner);
        answer.put("unapplied", unapplied);
        answer.put("count", found.size());
        answer.put("payments", found);
        respond(exchange, 200, answer);
    }

    /** {@code GET /api/v1/remittances/{id}}: the payment with its lines and every application of its cash. */
    public void show(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        Optional<Long> id = pathId(exchange, "no payment has the id");
        if (id.isEmpty()) {
            return;
        }
        Optional<PaymentBook.Payment> payment = payments.find(id.get())
                .filter(p -> caller.operator() || p.partnerId().equals(caller.name()));
        if (payment.isEmpty()) {
            respond(exchange, 404, error("id", "NOT_FOUND", "no payment has the id " + id.get()));
            return;
        }
        respond(exchange, 200, payment.get());
    }

    /** {@code POST /api/v1/remittances/{id}/application}: an operator applies unapplied cash to an invoice. */
    public void apply(Exchange exchange) {
        if (!operatorOnly(exchange, "only an operator applies unapplied cash")) {
            return;
        }
        String actor = caller(exchange).name();
        Optional<Long> id = pathId(exchange, "no payment has the id");
        if (id.isEmpty()) {
            return;
        }
        JsonNode body = jsonBody(exchange);
        String key = text(body, "applicationKey");
        String invoiceNumber = text(body, "invoiceNumber");
        if (key == null || invoiceNumber == null) {
            respond(exchange, 400, error(key == null ? "/applicationKey" : "/invoiceNumber", "MALFORMED", "the body is "
                    + "JSON like {\"applicationKey\": \"your id for this application\", \"invoiceNumber\": "
                    + "\"EDH-00000001\", \"amount\": 100.00, \"note\": \"why\"} (no amount: as much as both allow)"));
            return;
        }
        BigDecimal amount;
        try {
            JsonNode value = body.get("amount");
            amount = value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue()
                    : new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            respond(exchange, 400, error("/amount", "NOT_A_NUMBER", "amount is a number, like 100.00"));
            return;
        }
        try {
            PaymentBook.Payment payment = transactions.execute(s -> cash.applyUnapplied(id.get(), invoiceNumber, amount,
                    key, actor, text(body, "note")));
            respond(exchange, 200, payment);
        } catch (CashApplication.Refused e) {
            int status = "UNKNOWN_PAYMENT".equals(e.code()) ? 404 : CONFLICTS.contains(e.code()) ? 409 : 422;
            respond(exchange, status, error(e.location(), e.code(), e.getMessage()));
        }
    }

    /** 413 for a body over the limit; 422 when the reader found only payments that do not add up; else 400. */
    private static int status(List<InputError> errors) {
        if (errors.stream().anyMatch(e -> "TOO_LARGE".equals(e.code()))) {
            return 413;
        }
        return errors.stream().allMatch(e -> "AMOUNT_MISMATCH".equals(e.code())) ? 422 : 400;
    }

    private static Map<String, Object> rejected(List<InputError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "REJECTED");
        body.put("errors", errors);
        return body;
    }
}
