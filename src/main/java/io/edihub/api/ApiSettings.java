package io.edihub.api;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the HTTP API.
 *
 * @param clients   partner id → password of the partner's HTTP client (role PARTNER; the user name is the
 *                  partner id, so a client can only send its own partner's orders)
 * @param operators user name → password of the people who decide on held orders (role OPERATOR)
 *
 * <p>Passwords may be given hashed ({@code {bcrypt}$2a$...}) or plain. With the embedded defaults on,
 * missing ones are generated and kept under the data folder; in production every user must be configured.
 */
@ConfigurationProperties("edihub.http")
public record ApiSettings(Map<String, String> clients, Map<String, String> operators) {

    public ApiSettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
    }
}
