package io.edihub.api;

import static io.edihub.api.ApiExchange.caller;
import static io.edihub.api.ApiExchange.error;
import static io.edihub.api.ApiExchange.parameter;
import static io.edihub.api.ApiExchange.respond;

import io.edihub.cash.ContractStatement;
import io.edihub.cash.ContractStatements;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What the statement route of {@code routes/order-api.camel.yaml} calls: {@code GET
 * /api/v1/contracts/{partner}/{contract}/statement?from=&to=}, the contract's figures over the period (dates
 * {@code YYYY-MM-DD}, both ends counted; by default the contract's validity up to today). JSON, or CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}. A partner reads its own contract's statement only (another's is a
 * 404, as an unknown one), an operator everyone's.
 */
@Component("contractStatementApi")
public class ContractStatementApi {

    private final ContractStatements statements;

    ContractStatementApi(ContractStatements statements) {
        this.statements = statements;
    }

    /** {@code GET /api/v1/contracts/{partner}/{contract}/statement}. */
    public void show(Exchange exchange) {
        ApiExchange.Caller caller = caller(exchange);
        String partner = parameter(exchange, "partner");
        String contract = parameter(exchange, "contract");
        String format = Optional.ofNullable(parameter(exchange, "format")).map(f -> f.toLowerCase(Locale.ROOT))
                .orElse(acceptsCsv(exchange) ? "csv" : "json");
        if (!format.equals("csv") && !format.equals("json")) {
            respond(exchange, 400, error("format", "BAD_FORMAT", "format is json (the default) or csv, not '" + format + "'"));
            return;
        }
        LocalDate from;
        LocalDate to;
        try {
            from = day(exchange, "from");
            to = day(exchange, "to");
        } catch (DateTimeParseException e) {
            respond(exchange, 400, error(e.getParsedString().equals(parameter(exchange, "from")) ? "from" : "to",
                    "BAD_DATE", "from and to are days like 2027-01-31, not '" + e.getParsedString() + "'"));
            return;
        }
        if (from != null && to != null && to.isBefore(from)) {
            respond(exchange, 400, error("to", "BAD_PERIOD", "the period from " + from + " to " + to
                    + " ends before it starts"));
            return;
        }
        Optional<ContractStatement> statement;
        try {
            statement = caller.operator() || caller.name().equals(partner)
                    ? statements.statement(partner, contract, from, to) : Optional.empty();
        } catch (ContractStatements.BadPeriod e) {
            // the day given is the one at odds with the contract's validity or today
            respond(exchange, 400, error(to == null ? "from" : "to", "BAD_PERIOD", e.getMessage()));
            return;
        }
        if (statement.isEmpty()) {
            respond(exchange, 404, error("contract", "NOT_FOUND", "no contract " + contract + " of partner " + partner));
            return;
        }
        ContractStatement rounded = statement.get().rounded();
        if (format.equals("csv")) {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            exchange.getMessage().setBody(rounded.csv());
            return;
        }
        respond(exchange, 200, rounded);
    }

    private static boolean acceptsCsv(Exchange exchange) {
        String accept = exchange.getMessage().getHeader("Accept", String.class);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    private static LocalDate day(Exchange exchange, String name) {
        String value = parameter(exchange, name);
        return value == null ? null : LocalDate.parse(value);
    }
}
