package io.edihub.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters: every input whose processing failed for a technical reason, kept with the error, the
 * route and the time, and what a replay needs (the original bytes and the headers that say whose it is).
 * The routes' error handling ({@code intakeFailures}, {@code kafkaRecordFailures}, {@code apiFailures}) calls
 * {@link #failed}; the same input failing again counts attempts on one row, and after
 * {@code edihub.dead-letters.max-attempts}, and no sooner than {@code park-after} since its first failure, it is
 * parked and alerted. If the failure cannot be stored (the
 * database is down) nothing is parked: the source keeps the input and tries again, as without this desk.
 */
@Component("deadLetters")
public class DeadLetters {

    /** What a dead letter is waiting for. */
    public enum Status {
        /** its source still retries it (the file stays in inbound/, the Kafka record is read again) */
        RETRYING,
        /** a retry by its source went through */
        RECOVERED,
        /** given up on after too many failures: waits for an operator to replay or discard it */
        PARKED,
        /** an operator ran it through today's routes */
        REPLAYED,
        /** an operator decided it is not to be processed */
        DISCARDED
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final String SUMMARY = "select id, route_id, source, partner_id, status, attempts, first_failed_at, "
            + "last_failed_at, error_class, error_message from dead_letter";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Alerts alerts;
    private final Clock clock;
    private final DeadLetterSettings settings;

    DeadLetters(JdbcTemplate jdbc, TransactionTemplate transactions, Alerts alerts, Clock clock, DeadLetterSettings settings,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.alerts = alerts;
        this.clock = clock;
        this.settings = settings;
        for (Status status : Status.values()) {
            Gauge.builder("edihub.dead.letters", this, d -> d.count(status)).tag("status", status.name())
                    .description("dead letters by status").register(meters);
        }
    }

    /** One dead letter in a list. */
    public record Summary(long id, String routeId, String source, String partnerId, Status status, int attempts,
            Instant firstFailedAt, Instant lastFailedAt, String errorClass, String errorMessage) {
    }

    /** One dead letter with everything kept about it and its replays. */
    public record Detail(Summary summary, String entryPoint, Map<String, String> headers, byte[] body, String sha256,
            String stackTrace, List<Replay> replays) {

        /** The body as text when it is UTF-8 without control characters other than line ends and tabs. */
        public Optional<String> text() {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
                return text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t')
                        ? Optional.of(text) : Optional.empty();
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(body);
        }
    }

    /** One replay: who ran it, when, why, and what came of it. */
    public record Replay(long id, String replayedBy, Instant replayedAt, String reason, boolean bypassDuplicates,
            String outcome, String detail, Long documentId) {
    }

    /**
     * The {@code handled} of the intake and shipment error handling, and a step of the API's: stores the failure
     * (or counts another attempt of the same input) and says whether the input is now parked, i.e. whether the
     * source should stop retrying it. Never throws: a failure that cannot be stored is logged and retried by
     * its source.
     */
    public boolean failed(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (exchange.getMessage().getHeader(EdiHubHeaders.REPLAY_OF) != null) {
            // a replay's failure is answered to the operator who asked for it and kept on the replay
            return false;
        }
        Failure failure;
        try {
            failure = describe(exchange);
        } catch (RuntimeException e) {
            LOG.error("A failed input from route {} cannot be described as a dead letter; its source keeps it", exchange
                    .getFromRouteId(), e);
            return false;
        }
        if (failure.source().startsWith("http GET ") || failure.source().contains("/dead-letters")) {
            // a question, or an operator's replay (answered to the operator): not an input to keep or replay
            return false;
        }
        try {
            Recorded recorded = transactions.execute(s -> record(failure, error));
            boolean parked = recorded.status() == Status.PARKED;
            exchange.setProperty(EdiHubHeaders.PARKED, parked);
            exchange.getMessage().setHeader(EdiHubHeaders.DEAD_LETTER_ID, recorded.id());
            LOG.warn("{} failed (attempt {} of {}): kept as dead letter {}{}", failure.source(), recorded.attempts(),
                    settings.maxAttempts(), recorded.id(), parked ? ", parked: an operator has it now" : "");
            return parked;
        } catch (RuntimeException e) {
            LOG.error("{} failed and the dead letter cannot be stored ({}); its source keeps it and tries again",
                    failure.source(), e.getMessage());
            return false;
        }
    }

    /**
     * After an input went through: a dead letter still being retried for it has recovered. Nothing to do for
     * a replay (the replay records its own outcome).
     */
    public void settled(Exchange exchange) {
        if (exchange.getMessage().getHeader(EdiHubHeaders.REPLAY_OF) != null) {
            return;
        }
        Failure input = describe(exchange);
        jdbc.update("update dead_letter set status = 'RECOVERED', updated_at = ? where source = ? and sha256 = ? "
                + "and status = 'RETRYING'", Timestamp.from(clock.instant()), input.source(), input.sha256());
    }

    /** The report beside a parked input in error/: the partner is told a technical failure stopped it. */
    public String parkedReport(Exchange exchange) {
        long id = exchange.getMessage().getHeader(EdiHubHeaders.DEAD_LETTER_ID, Long.class);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String stored = "dead-letter-" + id + "-" + name;
        exchange.getMessage().setHeader(EdiHubHeaders.MOVE_TO, "../error/" + stored);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, stored + ".error.txt");
        Summary s = summary(id).orElseThrow();
        return name + " from partner " + s.partnerId() + ": NOT PROCESSED at " + s.lastFailedAt() + "\n"
                + "A technical failure in the hub (not a problem with the file's content) stopped this file " + s.attempts()
                + " times, so the hub stopped retrying it. Nothing of it was taken and no acknowledgment was sent.\n"
                + "The operator has it as dead letter " + id + " and will process it again once the cause is removed; "
                + "there is no need to send it again. Quote dead letter " + id + " when asking about it.\n";
    }

    /** Dead letters, newest first, optionally of one status, partner or route. */
    public List<Summary> list(Status status, String partnerId, String routeId, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY).append(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (partnerId != null) {
            sql.append(" and partner_id = ?");
            args.add(partnerId);
        }
        if (routeId != null) {
            sql.append(" and route_id = ?");
            args.add(routeId);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> summary(rs), args.toArray());
    }

    public Optional<Summary> summary(long id) {
        return jdbc.query(SUMMARY + " where id = ?", (rs, i) -> summary(rs), id).stream().findFirst();
    }

    public Optional<Detail> detail(long id) {
        return summary(id).map(s -> jdbc.queryForObject("select entry_point, headers, body, sha256, stack_trace "
                + "from dead_letter where id = ?", (rs, i) -> new Detail(s, rs.getString(1), headers(rs.getString(2)),
                rs.getBytes(3), rs.getString(4), rs.getString(5), replays(id)), id));
    }

    public List<Replay> replays(long id) {
        return jdbc.query("select id, replayed_by, replayed_at, reason, bypass_duplicates, outcome, detail, document_id "
                + "from dead_letter_replay where dead_letter_id = ? order by id", (rs, i) -> new Replay(rs.getLong(1),
                rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                rs.getString(7), (Long) rs.getObject(8)), id);
    }

    /** Keeps a replay and what it did to the dead letter's status, in one transaction. */
    Replay recordReplay(long id, String by, String reason, boolean bypass, String outcome, String detail, Long documentId,
            Status status) {
        Instant now = clock.instant();
        return transactions.execute(s -> {
            long replayId = jdbc.queryForObject("insert into dead_letter_replay (dead_letter_id, replayed_by, replayed_at, "
                    + "reason, bypass_duplicates, outcome, detail, document_id) values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
                    Long.class, id, by, Timestamp.from(now), reason, bypass, outcome, detail, documentId);
            if (status != null) {
                jdbc.update("update dead_letter set status = ?, updated_at = ? where id = ?", status.name(),
                        Timestamp.from(now), id);
            }
            return new Replay(replayId, by, now, reason, bypass, outcome, detail, documentId);
        });
    }

    /** How many dead letters have a status now; NaN while the database cannot say. */
    double count(Status status) {
        try {
            Integer n = jdbc.queryForObject("select count(*) from dead_letter where status = ?", Integer.class,
                    status.name());
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private record Failure(String routeId, String entryPoint, String source, String partnerId, Map<String, String> headers,
            byte[] body, String sha256) {
    }

    private record Recorded(long id, int attempts, Status status, Instant firstFailedAt) {
    }

    private Recorded record(Failure f, Exception error) {
        Timestamp now = Timestamp.from(clock.instant());
        String errorClass = error == null ? "unknown" : error.getClass().getName();
        String message = error == null ? null : error.getMessage();
        String trace = error == null ? null : stackTrace(error);
        List<Recorded> open = jdbc.query("select id, attempts, status, first_failed_at from dead_letter where source = ? "
                + "and sha256 = ? and status in ('RETRYING', 'PARKED') for update", (rs, i) -> new Recorded(rs.getLong(1),
                rs.getInt(2), Status.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant()), f.source(), f.sha256());
        if (open.isEmpty()) {
            Status status = settings.maxAttempts() <= 1 && settings.parkAfter().isZero() ? Status.PARKED : Status.RETRYING;
            long id = jdbc.queryForObject("insert into dead_letter (route_id, entry_point, source, partner_id, headers, body, "
                    + "sha256, error_class, error_message, stack_trace, first_failed_at, last_failed_at, attempts, status, "
                    + "updated_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) returning id", Long.class,
                    f.routeId(), f.entryPoint(), f.source(), f.partnerId(), CanonicalJson.compact(f.headers()), f.body(),
                    f.sha256(), errorClass, message, trace, now, now, status.name(), now);
            Recorded recorded = new Recorded(id, 1, status, now.toInstant());
            if (status == Status.PARKED) {
                alert(recorded, f, message);
            }
            return recorded;
        }
        Recorded before = open.get(0);
        int attempts = before.attempts() + 1;
        boolean givenUp = attempts >= settings.maxAttempts()
                && !before.firstFailedAt().plus(settings.parkAfter()).isAfter(now.toInstant());
        Status status = before.status() == Status.PARKED || givenUp ? Status.PARKED : Status.RETRYING;
        jdbc.update("update dead_letter set attempts = ?, status = ?, error_class = ?, error_message = ?, stack_trace = ?, "
                + "last_failed_at = ?, updated_at = ? where id = ?", attempts, status.name(), errorClass, message, trace, now,
                now, before.id());
        Recorded recorded = new Recorded(before.id(), attempts, status, before.firstFailedAt());
        if (status == Status.PARKED && before.status() != Status.PARKED) {
            alert(recorded, f, message);
        }
        return recorded;
    }

    /** The kind of the alert that says an input is parked; its subject is {@link #subject}. */
    static final String PARKED_ALERT = "INPUT_PARKED";

    static String subject(long deadLetterId) {
        return "dead-letter:" + deadLetterId;
    }

    private void alert(Recorded r, Failure f, String message) {
        alerts.raise(PARKED_ALERT, subject(r.id()), f.partnerId(), null, null, null, f.source() + " failed "
                + r.attempts() + " times for a technical reason and is no longer retried (last error: " + message
                + "). It is kept as dead letter " + r.id() + ": remove the cause, then replay it with "
                + "POST /api/v1/dead-letters/" + r.id() + "/replay");
    }

    /** Where the input came from, whose it is, and what a replay restores, from the failed exchange. */
    private Failure describe(Exchange exchange) {
        byte[] body = exchange.getProperty(EdiHubHeaders.ORIGINAL_BODY, byte[].class);
        if (body == null) {
            body = exchange.getMessage().getBody(byte[].class);
        }
        if (body == null) {
            body = new byte[0];
        }
        Map<String, Object> in = exchange.getMessage().getHeaders();
        Map<String, String> headers = new TreeMap<>();
        in.forEach((name, value) -> {
            if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
                if (!name.startsWith("Camel") && !name.equalsIgnoreCase("Authorization") && !name.equalsIgnoreCase("Cookie")
                        && !name.equals(EdiHubHeaders.DEAD_LETTER_ID)) {
                    headers.put(name, value.toString());
                }
            }
        });
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (fileName != null) {
            headers.put("fileName", fileName);
        }
        String scheme = exchange.getFromEndpoint() == null ? "direct" : exchange.getFromEndpoint().getEndpointKey()
                .replaceFirst(":.*", "");
        String source = switch (scheme) {
            case "sftp", "ftp", "ftps", "file" -> "sftp " + headers.getOrDefault(EdiHubHeaders.DIRECTORY, "?") + " inbound/"
                    + fileName;
            case "kafka" -> "kafka " + headers.get(KafkaConstants.TOPIC) + " partition " + headers.get(KafkaConstants.PARTITION)
                    + " offset " + headers.get(KafkaConstants.OFFSET);
            // the same bytes from two callers are two inputs
            case "platform-http", "rest", "servlet" -> "http " + exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST",
                    String.class) + " " + exchange.getMessage().getHeader(Exchange.HTTP_URI, "?", String.class) + " from "
                    + headers.get("EdiHubCaller");
            default -> scheme + " " + exchange.getFromRouteId();
        };
        if (source.startsWith("http ")) {
            // what identifies a request is who sent which bytes where; the caller's headers come with it
            headers.put("CamelHttpMethod", exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class));
        }
        String partner = headers.get(EdiHubHeaders.PARTNER);
        if (partner == null && "PARTNER".equals(headers.get("EdiHubCallerRole"))) {
            partner = headers.get("EdiHubCaller");
        }
        if (partner == null) {
            partner = headers.get("partner");
        }
        if (partner == null && "kafka".equals(scheme)) {
            partner = partnerIn(body);
        }
        return new Failure(exchange.getFromRouteId(), entryPoint(exchange), source, partner, headers, body, sha256(body));
    }

    /** The direct: endpoint of the route that was processing the input: where a replay sends it. */
    private static String entryPoint(Exchange exchange) {
        Route route = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getRoute();
        Endpoint endpoint = route == null ? null : route.getEndpoint();
        String uri = endpoint == null ? null : endpoint.getEndpointUri();
        return uri != null && uri.startsWith("direct:") ? uri.replace("direct://", "direct:") : null;
    }

    /** The partner id in a JSON event, if it names one; a dead letter of unreadable content has none. */
    private static String partnerIn(byte[] body) {
        try {
            JsonNode node = CanonicalJson.MAPPER.readTree(body);
            return node != null && node.path("partnerId").isTextual() ? node.path("partnerId").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Status.valueOf(rs.getString(5)),
                rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getString(10));
    }

    private static Map<String, String> headers(String json) {
        try {
            return new LinkedHashMap<>(CanonicalJson.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new IllegalStateException("dead letter headers are not JSON", e);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() > 20_000 ? trace.substring(0, 20_000) + "\n..." : trace;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
