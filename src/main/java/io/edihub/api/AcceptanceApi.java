package io.edihub.api;

import static io.edihub.api.ApiExchange.caller;
import static io.edihub.api.ApiExchange.error;
import static io.edihub.api.ApiExchange.respond;

import io.edihub.document.OrderFormat;
import io.edihub.intake.AcceptanceIntake;
import io.edihub.intake.AcceptanceResponse;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/acceptances}: a partner says what it accepted of delivered releases, in JSON or CSV.
 * 201 when taken (the answer names each invoice), 400 for a document that cannot be read, 409 when it was
 * already taken, 413 too large, 415 not an acceptance document, 422 when refused (more than was shipped,
 * an unknown release ...). A document is taken whole or not at all.
 */
@Component("acceptanceApi")
public class AcceptanceApi {

    private final AcceptanceIntake intake;
    private final Clock clock;

    AcceptanceApi(AcceptanceIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    public void receive(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partnerId = caller.operator() ? exchange.getMessage().getHeader("partner", String.class) : caller.name();
        if (partnerId == null || partnerId.isBlank()) {
            respond(exchange, 400, error("partner", "PARTNER_MISSING", "an operator sending an acceptance names its "
                    + "partner: POST /api/v1/acceptances?partner=<id>"));
            return;
        }
        byte[] content = exchange.getMessage().getBody(byte[].class);
        Optional<String> nothing = OrderFormat.nothingIn(content);
        if (nothing.isPresent()) {
            respond(exchange, 400, error("document", "EMPTY", "the request body " + nothing.get() + ": send a JSON or CSV "
                    + "acceptance"));
            return;
        }
        OrderFormat format = OrderFormat.detect(content);
        if (format != OrderFormat.ACCEPTANCE_JSON && format != OrderFormat.ACCEPTANCE_CSV) {
            respond(exchange, 415, error("document", "UNSUPPORTED_FORMAT", "the body is not an acceptance document: JSON "
                    + "with an acceptanceId (schemas/acceptance.v1.schema.json) or CSV with an acceptance_id column; "
                    + "861s go through SFTP"));
            return;
        }
        String name = "http-acceptance-" + clock.instant().toEpochMilli() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8)
                + (format == OrderFormat.ACCEPTANCE_JSON ? ".json" : ".csv");
        AcceptanceIntake.Received received = intake.receive(partnerId, "HTTP", name, content, format);
        AcceptanceResponse response = received.response();
        if (response == null) {
            respond(exchange, 409, error("document", "IN_PROGRESS", "this document is already being processed"));
            return;
        }
        intake.complete(response.documentId());
        respond(exchange, status(response), response);
    }

    private static int status(AcceptanceResponse r) {
        if (!r.errors().isEmpty()) {
            return r.errors().stream().anyMatch(e -> "TOO_LARGE".equals(e.code())) ? 413 : 400;
        }
        if ("ACCEPTED".equals(r.status())) {
            return 201;
        }
        boolean duplicate = r.acceptances().stream().filter(a -> "REFUSED".equals(a.result()))
                .filter(a -> !"DOCUMENT_REFUSED".equals(a.code())).allMatch(a -> "DUPLICATE_ACCEPTANCE".equals(a.code()));
        return duplicate ? 409 : 422;
    }
}
