package io.edihub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.BrowserScript;
import io.edihub.LocalDefaultsHubTest;
import java.io.IOException;
import java.io.Reader;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hawtio on the whole hub, in a real browser: the operator of the embedded defaults logs in through Hawtio's
 * own form and sees every Camel route by its id; nobody else gets Hawtio, Jolokia or the operator pages: not
 * an anonymous request, not a partner. An operator logged in through the form login can read the API with
 * that session, and cannot post to it without the CSRF token.
 */
@LocalDefaultsHubTest
class HawtioBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOT = Path.of("target", "browser", "hawtio-routes.png");

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Value("${edihub.data-dir}")
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void routesStarted() {
        BrowserScript.checkTools();
        await().atMost(WAIT).until(() -> camel.getRoutes().stream()
                .allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted()));
    }

    @Test
    void anOperatorLogsInToHawtioAndSeesEveryRouteByItsId() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        Files.createDirectories(SCREENSHOT.getParent());

        JsonNode seen = BrowserScript.named("hawtio-routes.js", Duration.ofMinutes(3))
                .run(base(), "operator", operatorPassword(), SCREENSHOT.toString());

        assertThat(seen.path("loggedIn").asBoolean()).as("logged in: %s", seen).isTrue();
        List<String> routeIds = new ArrayList<>();
        seen.path("routeIds").forEach(id -> routeIds.add(id.asText()));
        assertThat(routeIds).contains("publishOutboxMessages", "dispatchDueReleases", "receiveShipments",
                "receiveOrders-acme", "receiveOrders-globex", "receiveOrderOverHttp", "receiveAcceptanceOverHttp")
                .containsExactlyInAnyOrderElementsOf(camel.getRoutes().stream().map(Route::getRouteId).toList());
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void aPartnerCannotLogInToHawtio() throws Exception {
        JsonNode seen = BrowserScript.named("hawtio-routes.js", Duration.ofMinutes(3))
                .run(base(), "acme", "acme-secret", Path.of("target", "browser", "hawtio-partner.png").toString());

        assertThat(seen.path("loggedIn").asBoolean()).as("logged in: %s", seen).isFalse();
        assertThat(seen.path("routeIds")).isEmpty();
    }

    @Test
    void nobodyButAnOperatorGetsHawtioJolokiaOrTheOperatorPages() throws Exception {
        HttpResponse<String> hawtio = send(get("/hawtio/"));
        assertThat(hawtio.statusCode()).isEqualTo(302);
        assertThat(hawtio.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/hawtio/login"));
        assertThat(send(get("/hawtio/jolokia/version")).statusCode()).isEqualTo(302);
        assertThat(send(get("/ops/timeline.html")).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> jolokiaGet = send(get("/jolokia/read/java.lang:type=Runtime"));
        assertThat(jolokiaGet.statusCode()).isEqualTo(401);
        assertThat(jolokiaGet.body()).doesNotContain("java.lang");
        HttpResponse<String> jolokiaPost = send(post("/jolokia/", "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\"}"));
        assertThat(jolokiaPost.statusCode()).isEqualTo(401);
        assertThat(jolokiaPost.body()).doesNotContain("java.lang");

        // the probes stay open, where they were
        assertThat(send(get("/actuator/health/liveness")).statusCode()).isEqualTo(200);

        // a partner is a user of the API only
        assertThat(send(basic(get("/jolokia/version"), "acme", "acme-secret")).statusCode()).isEqualTo(403);
        assertThat(send(basic(get("/hawtio/"), "acme", "acme-secret")).statusCode()).isEqualTo(403);
        assertThat(send(post("/hawtio/auth/login", "{\"username\":\"acme\",\"password\":\"acme-secret\"}"))
                .statusCode()).isEqualTo(403);
        assertThat(send(post("/hawtio/auth/login", "{\"username\":\"operator\",\"password\":\"wrong\"}"))
                .statusCode()).isEqualTo(403);

        // the operator, with HTTP basic as a script would: Camel's MBeans are there
        HttpResponse<String> operator = send(basic(post("/jolokia/",
                "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"), "operator", operatorPassword()));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("publishOutboxMessages");
        // but never over GET, which no CSRF check guards: a link must not run an operation in an operator's browser
        HttpResponse<String> overGet = send(basic(get("/jolokia/read/java.lang:type=Runtime/Uptime"), "operator",
                operatorPassword()));
        assertThat(overGet.statusCode() == 403 || overGet.body().contains("\"status\":403")).as(overGet.body()).isTrue();
        assertThat(overGet.body()).doesNotContain("\"value\"");
    }

    @Test
    void hawtiosLoginGivesANewSessionThatOpensJolokia() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(get("/hawtio/login").build(), HttpResponse.BodyHandlers.discarding());
        String before = sessionId(cookies);

        HttpResponse<String> login = browser.send(post("/hawtio/auth/login",
                "{\"username\":\"operator\",\"password\":\"" + operatorPassword() + "\"}").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(sessionId(cookies)).isNotNull().isNotEqualTo(before);
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> version = browser.send(post("/jolokia/", "{\"type\":\"version\"}")
                .header("X-XSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("\"agent\"");
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void anOperatorLoggedInThroughTheFormCallsTheApiWithTheSession() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login page has a CSRF field").isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password="
                        + URLEncoder.encode(operatorPassword(), StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        // answered by the API itself (the order is not on file), not by the login
        HttpResponse<String> order = browser.send(get("/api/v1/orders/acme/NO-SUCH-PO").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(order.statusCode()).isEqualTo(404);
        assertThat(order.body()).contains("NOT_FOUND");
        // a page posting with the session needs the XSRF-TOKEN cookie back as a header
        HttpResponse<String> decision = browser.send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/orders/acme/NO-SUCH-PO/decision"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"RELEASE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(decision.statusCode()).isEqualTo(403);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String operatorPassword() throws IOException {
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(dataDirectory.resolve("http").resolve("credentials.properties"))) {
            credentials.load(in);
        }
        return credentials.getProperty("operator");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
