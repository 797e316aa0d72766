package io.edihub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HTTP API of a whole hub in a test, called as one of its users (HTTP basic). */
public final class HubHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public HubHttp(int port) {
        this.port = port;
    }

    /** A request to the hub with the user's credentials, to finish as the test needs. */
    public HttpRequest.Builder request(String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        return send(request(path, user, password).GET());
    }

    /** A POST with no Content-Type: the hub recognises JSON and CSV by their content. */
    public HttpResponse<String> post(String path, String user, String password, String body)
            throws IOException, InterruptedException {
        return send(request(path, user, password).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String user, String password, String body)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
