package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.platform.CreditCode;
import org.govshare.sharing.SharingFixtures;

/**
 * A provider's enterprise resource with records, a consumer's client application with its key, and
 * grants made through the real sharing path, for the data service tests.
 */
public final class ExchangeFixtures {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ExchangeFixtures() {
    }

    /** A valid unified social credit code for the number i, in district 510112 or elsewhere. */
    public static String creditCode(String area, int i) {
        return CreditCode.withCheckDigit("91" + area + "%09d".formatted(i));
    }

    /** Pushes records as the provider's steward: {@code rows} as JSON objects text. */
    public static void push(int port, UUID resource, String batchId, String rows) {
        Response r = HttpApi.as(port, "scjg_steward").post("/api/v1/datasets/" + resource + "/batches",
            "{\"batchId\":\"%s\",\"upserts\":[%s],\"deletes\":[]}".formatted(batchId, rows));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("load").get("state").asString()).as(r.body()).isEqualTo("SUCCEEDED");
    }

    /** A new client application of the admin's department and a fresh API key for it. */
    public static Client client(int port, String admin, String name) {
        HttpApi api = HttpApi.as(port, admin);
        String org = api.get("/api/v1/me").text("organizationId");
        Response app = api.post("/api/v1/clients", "{\"organizationId\":\"%s\",\"name\":\"%s%s\"}"
            .formatted(org, name, UUID.randomUUID().toString().substring(0, 6)));
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        String key = api.post("/api/v1/clients/" + app.text("id") + "/keys", null).text("apiKey");
        return new Client(UUID.fromString(app.text("id")), key);
    }

    public record Client(UUID id, String key) {
    }

    /**
     * Applies for the items as rsj_steward with the client; conditional items are pre-checked by the
     * authority and approved by scjg_reviewer with the given approval body (null: approve as asked).
     * The application states the call purposes (none: the fixture's one purpose). Returns the grant id.
     */
    public static String grant(int port, UUID resource, Client client, String items, String approval,
                               String... purposes) {
        Response applied = HttpApi.as(port, "rsj_steward").post("/api/v1/sharing/applications",
            SharingFixtures.draft(resource, items, client.id(), purposes));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        if ("APPROVED".equals(applied.text("state"))) {
            return applied.text("grantId");
        }
        String id = applied.text("id");
        Response passed = HttpApi.as(port, "admin").post("/api/v1/sharing/applications/" + id + "/precheck",
            "{\"passed\":true,\"comment\":\"ok\"}");
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        Response approved = HttpApi.as(port, "scjg_reviewer").post("/api/v1/sharing/applications/" + id + "/approve",
            approval == null ? "{}" : approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.text("grantId");
    }

    /** A data service call with key and purpose (null: no header); raw response. */
    public static HttpResponse<String> call(int port, String key, String purpose, String method, String path,
                                            String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept-Language", "zh-CN");
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        if (purpose != null) {
            // percent-encoded as encodeURIComponent does: a space is %20 (a '+' in the header is a plus sign)
            b.header("X-Purpose", URLEncoder.encode(purpose, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
