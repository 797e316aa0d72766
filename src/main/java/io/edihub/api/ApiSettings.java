package io.edihub.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the HTTP API, and how much of it at once.
 *
 * @param clients     partner id → password of the partner's HTTP client (role PARTNER; the user name is the
 *                    partner id, so a client can only send its own partner's orders)
 * @param operators   user name → password of the people who decide on held orders (role OPERATOR)
 * @param credentials how long a password checked with bcrypt is taken as checked
 * @param admission   how many API requests the hub works on at once before it answers 503 / 429
 *
 * <p>Passwords may be given hashed ({@code {bcrypt}$2a$...}) or plain. With the embedded defaults on,
 * missing ones are generated and kept under the data folder; in production every user must be configured.
 */
@Validated
@ConfigurationProperties("edihub.http")
public record ApiSettings(Map<String, String> clients, Map<String, String> operators,
        @DefaultValue @Valid Credentials credentials, @DefaultValue @Valid Admission admission) {

    public ApiSettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        credentials = credentials == null ? new Credentials(Duration.ofMinutes(5), 10_000) : credentials;
        admission = admission == null ? new Admission(6, 4, Duration.ofSeconds(1)) : admission;
    }

    /**
     * The verified-credential cache: a user name and password that passed the bcrypt check are, for this long, let
     * in again without it (see {@link VerifiedCredentials}).
     *
     * @param verifiedFor how long (zero: never cached, every request pays bcrypt)
     * @param maxEntries  at most this many verified user-password pairs are kept; the least used go first
     */
    public record Credentials(
            @DefaultValue("5m") @DurationMin(millis = 0, message = "must not be negative")
            @DurationMax(hours = 1, message = "must be at most an hour: a password taken away must stop working soon")
            Duration verifiedFor,
            @DefaultValue("10000") @Min(value = 1, message = "must be at least 1") int maxEntries) {
    }

    /**
     * The API's admission (see {@link ApiAdmission}): a request over these limits is answered at once, 503 or 429
     * with {@code Retry-After}, instead of waiting for a thread.
     *
     * @param maxInProgress          API requests worked on or waiting for one of the API's threads at once (Spring's
     *                               task executor, {@code spring.task.execution.pool.core-size}, 8 by default);
     *                               kept below the database pool (10), which the intake and schedulers share
     * @param maxInProgressPerCaller of which one user may have at most this many; more are answered 429
     * @param retryAfter             what {@code Retry-After} tells a refused client (whole seconds, at least 1)
     */
    public record Admission(
            @DefaultValue("6") @Min(value = 1, message = "must be at least 1") int maxInProgress,
            @DefaultValue("4") @Min(value = 1, message = "must be at least 1") int maxInProgressPerCaller,
            @DefaultValue("1s") @DurationMin(seconds = 1, message = "must be at least 1s") Duration retryAfter) {
    }
}
