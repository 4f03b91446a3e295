package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PlatformIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void theWorkingDayCalendarIsBoundFromTheConfiguredHolidays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).as("make-up Sunday").isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 9, 26), 10)).isEqualTo(LocalDate.of(2025, 10, 16));
    }

    @Test
    void healthIsPublicAndPrometheusNeedsAnAdministrator() {
        assertThat(HttpApi.anonymous(port).get("/actuator/health").body()).contains("\"UP\"");
        assertThat(HttpApi.as(port, "scjg_steward").get("/actuator/prometheus").status()).isEqualTo(403);
        Response metrics = HttpApi.as(port, "admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(HttpApi.as(port, "admin").get("/actuator/env").status()).as("not exposed").isIn(401, 403, 404);
    }

    @Test
    void openApiDescribesTheJsonApi() {
        Response docs = HttpApi.as(port, "scjg_steward").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/organizations", "/api/v1/clients/{id}/keys");
    }

    @Test
    void unknownApiPathsAreProblemJsonAndCarryTheRequestId() {
        Response r = HttpApi.as(port, "admin").get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("requestId")).isNotBlank();
    }

    /** Chinese first, also for the problems that filters write before Spring MVC is reached. */
    @Test
    void aCallerThatNamesNoLanguageIsAnsweredInChinese() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/data/304/000010/records/1")).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.request().headers().firstValue("Accept-Language")).isEmpty();
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"code\":\"unauthenticated\"", "\"title\":\"未认证\"", "X-Api-Key 请求头");
    }

    /** Client systems reuse connections; Tomcat's default closed one after 100 requests. */
    @Test
    void aKeptAliveConnectionServesMoreThanAHundredCalls() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int call = 1; call <= 150; call++) {
                out.write(("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                List<String> head = readHead(in);
                assertThat(head.get(0)).as("call %d", call).startsWith("HTTP/1.1 200");
                assertThat(head).as("call %d", call).noneMatch(h -> h.toLowerCase(Locale.ROOT).equals("connection: close"));
                assertThat(readBody(in, head)).as("call %d", call).contains("UP");
            }
        }
    }

    /** The body after {@code head}: by Content-Length or, as actuator answers, in chunks. */
    private static String readBody(BufferedReader in, List<String> head) throws IOException {
        String length = header(head, "content-length");
        if (length != null) {
            return read(in, Integer.parseInt(length));
        }
        assertThat(header(head, "transfer-encoding")).isEqualToIgnoringCase("chunked");
        StringBuilder body = new StringBuilder();
        for (int size = Integer.parseInt(in.readLine().trim(), 16); size > 0; size = Integer.parseInt(in.readLine().trim(), 16)) {
            body.append(read(in, size));
            assertThat(in.readLine()).isEmpty();
        }
        assertThat(in.readLine()).as("end of the chunks").isEmpty();
        return body.toString();
    }

    private static String header(List<String> head, String name) {
        return head.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name + ":"))
            .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElse(null);
    }

    private static String read(BufferedReader in, int chars) throws IOException {
        char[] buffer = new char[chars];
        for (int read = 0; read < chars; ) {
            int n = in.read(buffer, read, chars - read);
            assertThat(n).as("the rest of the body").isPositive();
            read += n;
        }
        return new String(buffer);
    }

    private static List<String> readHead(BufferedReader in) throws IOException {
        List<String> head = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.add(line);
        }
        assertThat(head).as("a response head").isNotEmpty();
        return head;
    }
}
