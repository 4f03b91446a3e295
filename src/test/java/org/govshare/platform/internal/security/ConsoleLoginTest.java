package org.govshare.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Form login over real HTTP: CSRF, session fixation, lockout, headers. */
@IntegrationTest
class ConsoleLoginTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> get(String path) throws Exception {
        // ask for HTML like a browser does: since the console chain also accepts HTTP basic, a client that
        // accepts anything (no Accept header) is challenged with 401 instead of being sent to /login
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml").build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String username, String password, boolean withToken) throws Exception {
        Matcher m = CSRF.matcher(get("/login").body());
        assertThat(m.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8) + (withToken ? "&_csrf=" + m.group(1) : "");
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
    }

    @Test
    void signsInWithCsrfAndANewSessionId() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.body()).contains("登录").contains("scjg_admin");
        String before = sessionCookie(page);
        HttpResponse<String> r = login("scjg_steward", HttpApi.DEMO_PASSWORD, true);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(sessionCookie(r)).isNotEmpty().isNotEqualTo(before);
        assertThat(get("/").body()).contains("数据专员").contains("成都市龙泉驿区市场监督管理局");
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        assertThat(login("scjg_steward", HttpApi.DEMO_PASSWORD, false).statusCode()).isEqualTo(403);
    }

    @Test
    void repeatedFailuresLockTheAccount() throws Exception {
        String username = "lock" + System.nanoTime() % 100000;
        String org = HttpApi.as(port, "gaj_admin").get("/api/v1/me").text("organizationId");
        assertThat(HttpApi.as(port, "gaj_admin").post("/api/v1/users", """
            {"username":"%s","displayName":"锁定测试","organizationId":"%s","password":"Longquan2026","roles":["AUDITOR"]}
            """.formatted(username, org)).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong-password-" + i, true).headers().firstValue("Location").orElse(""))
                .contains("error=bad-credentials");
        }
        HttpResponse<String> locked = login(username, "Longquan2026", true);
        assertThat(locked.headers().firstValue("Location").orElse("")).contains("error=locked");
        assertThat(HttpApi.as(port, username, "Longquan2026").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(HttpApi.as(port, "gaj_admin").get("/api/v1/organizations/" + org + "/users?q=" + username).json()
            .get("items").get(0).get("locked").asBoolean()).isTrue();
    }

    @Test
    void pagesCarrySecureHeadersAndAnonymousUsersAreSentToLogin() throws Exception {
        HttpResponse<String> r = get("/directory/users");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(sessionCookie(r)).contains("HttpOnly");
    }

    @Test
    void theConsoleSwitchesToEnglish() throws Exception {
        assertThat(get("/login?lang=en").body()).contains("Sign in");
        assertThat(get("/login").body()).as("the choice is remembered").contains("Sign in");
        assertThat(get("/login?lang=zh-CN").body()).contains("登录");
    }
}
