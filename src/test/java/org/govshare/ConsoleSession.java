package org.govshare;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like console session over real HTTP for the console tests: a cookie jar, basic
 * credentials of a demo user, and the CSRF token of the last page read, sent with every form.
 */
public class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** A page as the browser got it. */
    public record Page(int status, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private final String authorization;
    private String csrf;

    public ConsoleSession(int port, String username) {
        this.port = port;
        authorization = "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + HttpApi.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    public Page get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
        csrfFrom(r.body());
        return new Page(r.statusCode(), r.body());
    }

    /** Takes the CSRF token from a page read some other way. */
    public void csrfFrom(String body) {
        Matcher m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    /** Forgets the token, to prove a form without one is refused. */
    public void dropCsrf() {
        csrf = null;
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = withCsrf(fields);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> upload(String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----govshare" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        withCsrf(fields).forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
            + k + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return all;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
