package io.edihub.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.ApiMapped;
import io.edihub.BrowserScript;
import io.edihub.LocalDefaultsHubTest;
import io.edihub.local.LocalApiCredentials;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desk and the portal in a real browser, on the hub of the embedded defaults: an operator approves a held order
 * and closes an alert from the desk's home, opens a PO of 2,000 lines × 24 monthly deliveries and sees its timeline
 * grouped in one screen; a partner's user sees its own orders and is refused another partner's PO and the desk. The
 * screenshots are kept in {@code target/browser/} (and the docs show them).
 */
@LocalDefaultsHubTest
class DeskBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000);

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
    void anOperatorWorksTheDeskAndAPartnerSeesOnlyItsOwn() throws Exception {
        String heldPo = "DESK-H-" + RUN;
        String alertPo = "DESK-A-" + RUN;
        String bigPo = "DESK-BIG-" + RUN;
        String otherPo = "DESK-G-" + RUN;
        // over acme's release limit (50,000 at contract prices): held for a person
        assertThat(post("acme", "acme-secret", order(heldPo, 1_200, "2027-01-15")).statusCode()).isEqualTo(201);
        assertThat(post("acme", "acme-secret", order(alertPo, 10, "2027-01-15")).statusCode()).isEqualTo(201);
        // acme accepts goods nobody shipped: refused, and an alert stays open until a person closes it
        assertThat(post("acme", "acme-secret", "/api/v1/acceptances", """
                {"acceptanceId": "ACC-%s", "poNumber": "%s", "releaseId": "%s-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": 5, "unit": "EA"}]}
                """.formatted(alertPo, alertPo, alertPo)).statusCode()).isEqualTo(422);
        // 2,000 lines × 24 months, each line at a price the contract does not have: 2,000 findings of one check
        HttpResponse<String> big = post("acme", "acme-secret", bigOrder(bigPo, 2_000, 24));
        assertThat(big.statusCode()).as(big.body()).isIn(201, 202);
        // cash for an invoice that is not ours: held as unapplied cash for a person
        HttpResponse<String> remittance = post("acme", "acme-secret", "/api/v1/remittances", """
                {"traceNumber": "DESK-TR-%s", "total": 250.00, "paymentDate": "2026-11-20",
                 "lines": [{"invoiceNumber": "EDH-77777777", "paid": 250.00}]}
                """.formatted(RUN));
        assertThat(remittance.statusCode()).as(remittance.body()).isBetween(200, 299);
        String globexPassword = passwords("globex");
        assertThat(post("globex", globexPassword, "/api/v1/orders", """
                {"poNumber": "%s", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "GLX-4411", "vendorPart": "EH-3300", "quantity": 10, "unit": "EA", "unitPrice": 9.75,
                  "schedule": [{"quantity": 10, "deliveryDate": "2027-01-15"}]}]}
                """.formatted(otherPo)).statusCode()).isIn(201, 202);
        Files.createDirectories(SCREENSHOTS);

        JsonNode shown = BrowserScript.named("desk.js", Duration.ofMinutes(4)).run("http://127.0.0.1:" + port,
                "operator", passwords("operator"), "acme", "acme-secret", heldPo, alertPo, bigPo, "globex", otherPo,
                "DESK-TR-" + RUN,
                SCREENSHOTS.toString());

        assertThat(shown.path("loginAsked").asBoolean()).as("the anonymous browser is sent to the login").isTrue();
        assertThat(shown.path("home").path("url").asText()).isEqualTo("/desk");
        assertThat(texts(shown.path("home").path("held"))).contains("held-acme-" + heldPo);
        assertThat(shown.path("approved").asText()).contains("PO " + heldPo).contains("accepted");
        assertThat(texts(shown.path("heldAfter"))).doesNotContain("held-acme-" + heldPo);
        assertThat(shown.path("closed").asText()).contains("ACCEPTANCE_REFUSED").contains("closed");
        assertThat(shown.path("listed")).singleElement().satisfies(row -> {
            assertThat(row.get(0).asText()).isEqualTo(heldPo);
            assertThat(row.get(2).asText()).isEqualTo("open");
            assertThat(row.get(4).asText()).isEqualTo("51,000.00 USD");
        });

        // the unapplied cash, sent to an invoice that is not ours: refused, with why
        assertThat(shown.path("cash").asText()).startsWith("payment #")
                .contains("invoice EDH-00000000 is not one of ours");

        JsonNode approvedPo = shown.path("approvedPo");
        assertThat(approvedPo.path("comment").asText()).contains("approved by operator: agreed by phone <img src=x "
                + "onerror=\"window.injected=1\">");
        assertThat(approvedPo.path("images").asInt()).isZero();
        assertThat(approvedPo.path("injected").asBoolean()).isFalse();
        // the held order's JSON in and its answer out, opened as text, as they were received and sent
        assertThat(shown.path("opened")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> {
            assertThat(d.path("status").asInt()).as(d.toString()).isEqualTo(200);
            // the JSON order in as UTF-8, as the JSON answers out
            assertThat(d.path("type").asText()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
            assertThat(d.path("start").asText()).isEqualTo("{");
        });
        // approved: its release is planned, to be requested from fulfillment when due
        assertThat(texts(approvedPo.path("releases"))).containsExactly(heldPo + "-01 2027-01 planned");
        assertThat(texts(shown.path("unnamed"))).as("form controls without a label").isEmpty();

        JsonNode po = shown.path("po");
        assertThat(po.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(po.path("title").asText()).isEqualTo("PO " + bigPo);
        assertThat(po.path("releases").asInt()).isEqualTo(24);
        assertThat(po.path("bars").asInt()).isEqualTo(24 * 3);
        List<JsonNode> groups = new ArrayList<>();
        po.path("groups").forEach(groups::add);
        // one screen, not 2,031 entries: the 2,000 findings are one entry with a count, the lines behind a click
        assertThat(groups).hasSizeLessThan(40);
        assertThat(groups).anySatisfy(g -> {
            assertThat(g.path("kind").asText()).startsWith("CONTRACT_");
            assertThat(g.path("count").asInt()).isEqualTo(2_000);
        });
        assertThat(po.path("openedGroupLines").asInt()).isEqualTo(TimelineGroups.SHOWN_PER_GROUP);
        System.out.printf("the 2,000 x 24 PO's page: HTTP %d, loaded in %d ms, %d timeline entries, %d px tall%n",
                po.path("httpStatus").asInt(), po.path("loadMillis").asLong(), groups.size(),
                po.path("pageHeight").asInt());

        assertThat(shown.path("partners")).extracting(p -> p.path("id").asText())
                .contains("partner-acme", "partner-globex");
        assertThat(shown.path("partners")).allSatisfy(p -> assertThat(p.path("prices").asInt()).isPositive());
        assertThat(shown.path("deskStatement").asInt()).isEqualTo(200);

        JsonNode portal = shown.path("portal");
        assertThat(portal.path("loginAsked").asBoolean()).isTrue();
        assertThat(portal.path("url").asText()).isEqualTo("/portal");
        assertThat(texts(portal.path("orders"))).contains(heldPo, bigPo).doesNotContain(otherPo);
        assertThat(portal.path("ownPoStatus").asInt()).isEqualTo(200);
        assertThat(portal.path("ownReleases").asInt()).isEqualTo(1);
        assertThat(portal.path("otherPoStatus").asInt()).isEqualTo(404);
        assertThat(portal.path("otherPoText").asText()).doesNotContain("globex");
        assertThat(portal.path("statementStatus").asInt()).isEqualTo(200);
        assertThat(portal.path("statementContract").asText()).isNotBlank();
        // what the terms cost us is the desk's business, not the customer's
        assertThat(portal.path("termsShown").asBoolean()).isFalse();
        assertThat(texts(shown.path("otherDocuments"))).as("globex's documents on the desk").hasSizeGreaterThanOrEqualTo(2);
        assertThat(portal.path("ownDocumentStatuses")).isNotEmpty()
                .allSatisfy(status -> assertThat(status.asInt()).isEqualTo(200));
        assertThat(portal.path("otherDocumentStatuses")).allSatisfy(status -> assertThat(status.asInt()).isEqualTo(404));
        // its implementation guide, from its profile and the schemas the hub reads with
        JsonNode guide = portal.path("guide");
        assertThat(guide.path("status").asInt()).isEqualTo(200);
        assertThat(guide.path("ids").asText()).isEqualTo("ZZ / ACMEFED");
        assertThat(texts(guide.path("sets"))).contains("X12 850 Purchase Order", "X12 810 Invoice");
        assertThat(guide.path("beg02").asText()).contains("SA").contains("BK").contains("RL");
        assertThat(portal.path("deskStatus").asInt()).isEqualTo(403);
        assertThat(portal.path("deskOrderStatus").asInt()).isEqualTo(403);
        for (JsonNode file : shown.path("screenshots")) {
            assertThat(Files.readAllBytes(Path.of(file.asText()))).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginAndNoActionGoesWithoutItsCsrfToken() throws Exception {
        for (String page : List.of("/desk", "/desk/orders", "/portal", "/")) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(page).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location")).as(page)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        // an operator's session without the form's token closes nothing
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form carries its CSRF token").isTrue();
        HttpResponse<String> loggedIn = browser.send(form("/login", "username=operator&password="
                + URLEncoder.encode(passwords("operator"), StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/desk")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = browser.send(form("/desk/alerts/1/close", "reason=forged"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static String order(String po, int quantity, String deliveryDate) {
        return """
                {"poNumber": "%s", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": %d, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": %d, "deliveryDate": "%s"}]}]}
                """.formatted(po, quantity, quantity, deliveryDate);
    }

    private static String bigOrder(String po, int lines, int months) {
        StringBuilder json = new StringBuilder("{\"poNumber\": \"" + po + "\", \"orderDate\": \"2026-11-20\", "
                + "\"currency\": \"USD\", \"lines\": [");
        YearMonth first = YearMonth.of(2027, 1);
        for (int line = 1; line <= lines; line++) {
            json.append(line == 1 ? "" : ",").append("{\"lineNumber\": \"").append(line)
                    .append("\", \"buyerPart\": \"ACM-77812\", \"vendorPart\": \"EH-1001\", \"quantity\": ").append(months)
                    .append(", \"unit\": \"EA\", \"unitPrice\": 40.00, \"schedule\": [");
            for (int month = 0; month < months; month++) {
                json.append(month == 0 ? "" : ",").append("{\"quantity\": 1, \"deliveryDate\": \"")
                        .append(first.plusMonths(month).atDay(15)).append("\"}");
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private String passwords(String user) {
        return new LocalApiCredentials(dataDirectory).passwordsFor(List.of(user)).get(user);
    }

    private HttpResponse<String> post(String user, String password, String body) throws Exception {
        return post(user, password, "/api/v1/orders", body);
    }

    private HttpResponse<String> post(String user, String password, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
