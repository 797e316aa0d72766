package io.edihub.api;

import io.edihub.order.CanonicalJson;
import io.edihub.order.InputError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** What every API bean does with an exchange: who is calling, and answering in JSON with a status code. */
final class ApiExchange {

    private ApiExchange() {
    }

    /** The authenticated caller, as {@link ApiRequestFilter} put it on the request. */
    record Caller(String name, boolean operator) {
    }

    static Caller caller(Exchange exchange) {
        String name = exchange.getMessage().getHeader(ApiRequestFilter.CALLER, String.class);
        String role = exchange.getMessage().getHeader(ApiRequestFilter.CALLER_ROLE, String.class);
        if (name == null || role == null || name.contains(",") || role.contains(",")) {
            throw new IllegalStateException("the request reached the API without an authenticated caller");
        }
        return new Caller(name, ApiSecurityConfiguration.OPERATOR.equals(role));
    }

    static Map<String, Object> error(String location, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "REJECTED");
        body.put("errors", List.of(new InputError(location, code, message)));
        return body;
    }

    static void respond(Exchange exchange, int status, Object body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(CanonicalJson.pretty(body));
    }
}
