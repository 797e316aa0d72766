package io.edihub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Waits until a whole hub in a test serves its HTTP API: the supervising route controller starts the routes
 * after the context, and platform-http maps the REST routes only then; until that moment the API answers 404.
 */
public final class ApiMapped {

    private ApiMapped() {
    }

    /** Waits until an empty order from this API user is answered 400 (it is refused by the API, not unknown). */
    public static void await(int port, String user, String password) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest emptyOrder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                http.send(emptyOrder, HttpResponse.BodyHandlers.discarding()).statusCode() == 400);
    }
}
