package org.govshare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running test server, as a person (basic) or a client (API key). */
public final class HttpApi {

    public static final String DEMO_PASSWORD = "Demo@2026gov";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private String authorization;
    private String apiKey;
    private String language = "zh-CN";

    private HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public static HttpApi as(int port, String username) {
        return as(port, username, DEMO_PASSWORD);
    }

    public static HttpApi as(int port, String username, String password) {
        HttpApi api = new HttpApi(port);
        api.authorization = "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api;
    }

    public static HttpApi withKey(int port, String key) {
        HttpApi api = new HttpApi(port);
        api.apiKey = key;
        return api;
    }

    public static HttpApi anonymous(int port) {
        return new HttpApi(port);
    }

    public HttpApi inEnglish() {
        language = "en";
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postBytes(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String ifMatch, String json) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null),
                r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed on demand. */
    public record Response(int status, String body, String etag, String contentType) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }
}
