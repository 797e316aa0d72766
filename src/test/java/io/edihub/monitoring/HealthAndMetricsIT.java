package io.edihub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.EmbeddedHubProperties;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.local.LocalSftpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The probes and the metrics on the whole hub: readiness covers the database, the broker and every
 * partner's SFTP folder and tells details to operators only; the Prometheus scrape (operators only)
 * counts what a partner sent and what became of it, and Camel's exchanges per route; and a real outage
 * (the SFTP server stopped) takes the hub out of readiness while it stays alive.
 */
// a hub of its own: it counts every document since the start and stops the SFTP server for good
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off unless asked: the scrape is what this test reads
@AutoConfigureObservability(tracing = false)
@Import(TestClock.InHub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthAndMetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OPERATOR = "olivia";
    private static final String OPERATOR_PASSWORD = "olivia-secret";
    private static final Path SAMPLES = Path.of("edi-samples", "acme");

    @DynamicPropertySource
    static void embeddedServers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        registry.add("edihub.http.operators." + OPERATOR, () -> OPERATOR_PASSWORD);
        registry.add("edihub.releases.check-every", () -> "200");
        registry.add("edihub.outbox.poll-delay", () -> "100");
        // the defaults (5 s, 10 s) would only make the test wait longer
        registry.add("edihub.monitoring.probe-cache-for", () -> "500ms");
        registry.add("edihub.monitoring.metrics-cache-for", () -> "500ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void routesStarted() {
        await().atMost(WAIT).until(() -> camel.getRoutes().stream()
                .allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted()));
    }

    @Test
    @Order(1)
    void readinessCoversDatabaseBrokerAndEachPartnersSftpFolderAndShowsDetailsToOperatorsOnly() throws Exception {
        await().atMost(WAIT).until(() -> get("/actuator/health/readiness", true).statusCode() == 200);
        JsonNode ready = json.readTree(get("/actuator/health/readiness", true).body());
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        JsonNode components = ready.path("components");
        assertThat(components.fieldNames()).toIterable().containsExactlyInAnyOrder("readinessState", "db", "kafka", "sftp");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("kafka").path("details").path("nodes").asInt()).isEqualTo(1);
        JsonNode sftp = components.path("sftp").path("components");
        assertThat(sftp.fieldNames()).toIterable().containsExactlyInAnyOrder("acme", "globex");
        assertThat(sftp.path("acme").path("status").asText()).isEqualTo("UP");
        assertThat(sftp.path("acme").path("details").path("folder").asText()).isEqualTo("acme/inbound");
        assertThat(sftp.path("globex").path("status").asText()).isEqualTo("UP");

        // Kubernetes asks without a login and gets the status alone
        HttpResponse<String> anonymous = get("/actuator/health/readiness", false);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json.readTree(anonymous.body())).isEqualTo(json.readTree("{\"status\":\"UP\"}"));
        HttpResponse<String> alive = get("/actuator/health/liveness", false);
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(json.readTree(alive.body())).isEqualTo(json.readTree("{\"status\":\"UP\"}"));
        JsonNode liveness = json.readTree(get("/actuator/health/liveness", true).body());
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    @Order(2)
    void scrapeCountsWhatThePartnerSentAndCamelsExchangesPerRoute() throws Exception {
        try (PartnerSftpClient acme = new PartnerSftpClient(sftpServer.connectionFor("acme"))) {
            acme.upload("po-4500012400.edi", Files.readAllBytes(SAMPLES.resolve("standalone-no-schedule.edi")));
            acme.upload("po-truncated.edi", Files.readAllBytes(SAMPLES.resolve("broken/truncated-no-iea.edi")));
            await().atMost(WAIT).until(() -> acme.list("inbound").isEmpty() && acme.list("archive").size() == 1
                    && acme.list("error").size() == 2);
        }
        // the order's only release is due on 2027-01-15 and acme's lead time is 30 days
        clock.setDay(LocalDate.of(2026, 12, 20));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from order_release where partner_id = 'acme' "
                + "and dispatched_at is not null", Integer.class) == 1);

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> scrape = scrape();
            assertThat(value(scrape, "edihub_documents_received_total", "partner=\"acme\"", "format=\"X12\"")).hasValue(2);
            assertThat(value(scrape, "edihub_documents_rejected_total", "partner=\"acme\"", "format=\"X12\"")).hasValue(1);
            assertThat(value(scrape, "edihub_documents_received_total", "partner=\"globex\"", "format=\"X12\"")).hasValue(0);
            assertThat(value(scrape, "edihub_releases_dispatched_total", "partner=\"acme\"")).hasValue(1);
            assertThat(value(scrape, "edihub_invoices_sent_total", "partner=\"acme\"")).hasValue(0);
            // the release request was published: nothing waits in the outbox
            assertThat(value(scrape, "edihub_outbox_pending_messages", "topic=\"edihub.release-requests.v1\"")).hasValue(0);
            assertThat(value(scrape, "edihub_outbox_oldest_pending_age_seconds", "topic=\"edihub.release-requests.v1\""))
                    .hasValue(0);
            // Camel's own: exchanges per route, by route id
            assertThat(value(scrape, "camel_exchanges_total", "routeId=\"receiveOrders-acme\"").orElse(0)).isGreaterThanOrEqualTo(2);
            assertThat(value(scrape, "camel_exchanges_total", "routeId=\"publishOutboxMessages\"")).isPresent();
        });
        // the figures as printed, for the README
        Files.write(Path.of("target", "prometheus-scrape.txt"), scrape());
    }

    @Test
    @Order(3)
    void metricsAreForOperatorsOnly() throws Exception {
        assertThat(get("/actuator/prometheus", false).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", true).statusCode()).isEqualTo(200);
    }

    /** Last: the SFTP server is really stopped, and stays so for the rest of this context. */
    @Test
    @Order(4)
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void anSftpOutageTakesTheHubOutOfReadinessButNotOutOfLiveness() throws Exception {
        await().atMost(WAIT).until(() -> get("/actuator/health/readiness", false).statusCode() == 200);
        sftpServer.close();

        await().atMost(WAIT).until(() -> get("/actuator/health/readiness", false).statusCode() == 503);
        assertThat(json.readTree(get("/actuator/health/readiness", false).body()))
                .isEqualTo(json.readTree("{\"status\":\"DOWN\"}"));
        // each partner's check is cached on its own: one partner may be seen down before the other
        await().atMost(WAIT).until(() -> json.readTree(get("/actuator/health/readiness", true).body())
                .path("components").path("sftp").path("components").path("acme").path("status").asText().equals("DOWN"));
        JsonNode ready = json.readTree(get("/actuator/health/readiness", true).body());
        assertThat(ready.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        JsonNode acme = ready.path("components").path("sftp").path("components").path("acme");
        assertThat(acme.path("status").asText()).isEqualTo("DOWN");
        assertThat(acme.path("details").path("error").asText()).startsWith("cannot log in as edihub@");

        HttpResponse<String> alive = get("/actuator/health/liveness", false);
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(json.readTree(alive.body()).path("status").asText()).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path, boolean asOperator) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(WAIT);
        if (asOperator) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", true);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().toList();
    }

    /** The value of the one sample of a metric whose labels include all of these. */
    private static OptionalDouble value(List<String> scrape, String metric, String... labels) {
        List<String> samples = scrape.stream()
                .filter(line -> line.startsWith(metric + "{") && List.of(labels).stream().allMatch(line::contains))
                .toList();
        assertThat(samples).as(metric + " " + List.of(labels)).hasSizeLessThanOrEqualTo(1);
        return samples.stream().mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
