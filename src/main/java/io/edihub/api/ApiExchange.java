package io.edihub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.InputError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Answers 403 with the refusal unless an operator calls; says whether one does. */
    static boolean operatorOnly(Exchange exchange, String refusal) {
        if (caller(exchange).operator()) {
            return true;
        }
        respond(exchange, 403, error("caller", "FORBIDDEN", refusal));
        return false;
    }

    /** A query or path parameter, trimmed; null when it is absent or blank. */
    static String parameter(Exchange exchange, String name) {
        return blankToNull(exchange.getMessage().getHeader(name, String.class));
    }

    /** The numeric id in the path; when it is none, answers 404 ({@code nothing 'id'}) and returns empty. */
    static Optional<Long> pathId(Exchange exchange, String nothing) {
        String id = exchange.getMessage().getHeader("id", String.class);
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            respond(exchange, 404, error("id", "NOT_FOUND", nothing + " '" + id + "'"));
            return Optional.empty();
        }
    }

    /** The request body as JSON, or null when it is not JSON. */
    static JsonNode jsonBody(Exchange exchange) {
        try {
            return CanonicalJson.MAPPER.readTree(exchange.getMessage().getBody(byte[].class));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A text field of a JSON body, trimmed; null when the body or the field is missing or blank. */
    static String text(JsonNode body, String field) {
        return body == null ? null : blankToNull(body.path(field).asText(null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
