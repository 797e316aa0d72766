package io.edihub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.ApiMapped;
import io.edihub.BrowserScript;
import io.edihub.LocalDefaultsHubTest;
import io.edihub.local.LocalApiCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PO timeline page in a real browser: an operator who opens a PO's page is sent to the login, comes back
 * to the page and sees the order's status, its releases, its history in order and its open alert; anonymous
 * callers get neither the page nor its data.
 */
@LocalDefaultsHubTest
class TimelineBrowserIT {

    private static final Path SCREENSHOT = Path.of("target", "browser", "po-timeline.png");

    @LocalServerPort
    int port;
    @Value("${edihub.data-dir}")
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void apiMapped() {
        BrowserScript.checkTools();
        ApiMapped.await(port, "acme", "acme-secret");
    }

    @Test
    void anOperatorSeesThePosHistoryAndItsOpenAlertOnThePage() throws Exception {
        String order = """
                {"poNumber": "WEB-1001", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 200, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": 100, "deliveryDate": "2027-01-15"}, {"quantity": 100, "deliveryDate": "2027-02-15"}]}]}
                """;
        assertThat(post("/api/v1/orders", order).statusCode()).isEqualTo(201);
        // acme accepts goods nobody shipped: refused, and an alert stays open until an operator closes it
        String acceptance = """
                {"acceptanceId": "ACC-WEB", "poNumber": "WEB-1001", "releaseId": "WEB-1001-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": 10, "unit": "EA"}]}
                """;
        assertThat(post("/api/v1/acceptances", acceptance).statusCode()).isEqualTo(422);
        Files.deleteIfExists(SCREENSHOT);
        Files.createDirectories(SCREENSHOT.getParent());

        JsonNode page = BrowserScript.named("po-timeline.js", Duration.ofMinutes(3))
                .run("http://127.0.0.1:" + port, "operator", operatorPassword(), "acme", "WEB-1001", SCREENSHOT.toString());

        assertThat(page.path("loginAsked").asBoolean()).as("the anonymous browser is sent to the login: %s", page).isTrue();
        assertThat(page.path("title").asText()).isEqualTo("acme · PO WEB-1001");
        assertThat(page.path("status").asText()).isEqualTo("OPEN");
        assertThat(page.path("releases")).extracting(r -> r.get(0).asText() + " " + r.get(2).asText())
                .containsExactly("WEB-1001-01 PLANNED", "WEB-1001-02 PLANNED");
        List<String> shown = new ArrayList<>();
        page.path("entries").forEach(e -> shown.add(e.path("source").asText() + " " + e.path("kind").asText()));
        // the order and its answer, then the refused acceptance and its answer
        assertThat(shown).containsSubsequence("DOCUMENT_IN JSON", "DOCUMENT_OUT RESPONSE", "EVENT RECEIVED",
                "DOCUMENT_IN JSON", "DOCUMENT_OUT RESPONSE", "EVENT ACCEPTANCE_REFUSED");
        assertThat(page.path("entries")).filteredOn(e -> e.path("alert").asBoolean())
                .extracting(e -> e.path("kind").asText()).containsExactly("ACCEPTANCE_REFUSED");
        assertThat(page.path("alertsShown").asBoolean()).isTrue();
        assertThat(page.path("openAlerts")).singleElement()
                .satisfies(a -> assertThat(a.asText()).contains("ACCEPTANCE_REFUSED").contains("NOT_SHIPPED"));
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void anonymousCallersGetNeitherThePageNorItsData() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/ops/timeline.html?partner=acme&po=WEB-1001")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> data = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/orders/acme/WEB-1001/timeline")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(data.statusCode()).isEqualTo(401);
        assertThat(data.body()).doesNotContain("entries").doesNotContain("ACCEPTANCE_REFUSED");
    }

    /** The operator of the embedded defaults, with the password the hub generated for it. */
    private String operatorPassword() {
        return new LocalApiCredentials(dataDirectory).passwordsFor(List.of("operator")).get("operator");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("acme:acme-secret"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
