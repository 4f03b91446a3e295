package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.ConsoleSession;
import org.govshare.ConsoleSession.Page;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog console over real HTTP: who sees which pages and lists, the dashboard's figures, and a
 * stale save that keeps the user's input. Pages are read with basic credentials; forms are posted
 * in one session with the CSRF token of the page, as a browser would.
 */
@IntegrationTest
class CatalogConsoleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private String register(String user, String name, String classification) {
        HttpApi.Response r = HttpApi.as(port, user).post("/api/v1/catalog/resources", CatalogApiTest.resource(name,
            classification, "UNCONDITIONAL", "", CatalogApiTest.ITEMS));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void myCatalogListsOwnResourcesOnlyAndTheAuthorityChoosesTheProvider() {
        String name = "控制台列表测试" + System.nanoTime();
        String id = register("scjg_steward", name, "303001");

        Session steward = new Session("scjg_steward");
        String own = steward.get("/catalog/resources?q=" + enc(name)).body();
        assertThat(own).contains(id, name, "新建资源");
        Session rsj = new Session("rsj_steward");
        assertThat(rsj.get("/catalog/resources?q=" + enc(name)).body()).doesNotContain(id);
        // a department cannot widen its list to another provider
        String scjg = HttpApi.as(port, "admin").get("/api/v1/organizations?size=200&q=" + enc("市场监督管理局"))
            .json().get("items").get(0).get("id").asString();
        assertThat(rsj.get("/catalog/resources?provider=" + scjg + "&q=" + enc(name)).body()).doesNotContain(id);

        Session admin = new Session("admin");
        assertThat(admin.get("/catalog/resources?provider=" + scjg + "&q=" + enc(name)).body()).contains(id, "全部提供方");
        assertThat(rsj.get("/catalog/resources/" + id).status()).as("another department's draft").isEqualTo(403);
        assertThat(rsj.get("/catalog/resources/" + id + "/edit").status()).isEqualTo(403);
    }

    @Test
    void onlyTheAuthoritysReviewersSeeTheQueue() {
        String name = "待审核队列测试" + System.nanoTime();
        String id = register("gaj_steward", name, "304");
        HttpApi.as(port, "gaj_steward").post("/api/v1/catalog/resources/" + id + "/submission", null);

        assertThat(new Session("admin").get("/catalog/review").body()).contains(id, name);
        assertThat(new Session("gaj_steward").get("/catalog/review").status()).isEqualTo(403);
        assertThat(new Session("gaj_reviewer").get("/catalog/review").status())
            .as("a department's reviewer reviews sharing applications, not the catalog").isEqualTo(403);
        assertThat(new Session("admin").get("/").body()).contains("nav-catalog-review");
        assertThat(new Session("gaj_reviewer").get("/").body()).doesNotContain("nav-catalog-review");
    }

    @Test
    void theDashboardCountsAndChartsTheCatalog() {
        register("spj_steward", "仪表盘测试" + System.nanoTime(), "314");
        assertThat(new Session("spj_steward").get("/").body()).contains("本单位草稿与变更", "本单位已发布资源");
        String home = new Session("admin").get("/").body();
        assertThat(home).contains("待审核资源（全区）", "data-chart-src=\"/catalog/stats/providers\"");

        String published = register("spj_steward", "仪表盘发布测试" + System.nanoTime(), "314");
        HttpApi.as(port, "spj_steward").post("/api/v1/catalog/resources/" + published + "/submission", null);
        HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + published + "/approval", "{}");
        JsonNode chart = JSON.readTree(new Session("admin").get("/catalog/stats/providers").body());
        assertThat(chart.get("categories").valueStream().map(JsonNode::asString).toList()).contains("区行政审批局");
        assertThat(chart.get("series").findValuesAsString("name")).containsExactly("无条件共享", "不予共享", "有条件共享");
        assertThat(new Session("spj_steward").get("/catalog/stats/providers").status()).isEqualTo(403);
    }

    @Test
    void aStaleSaveSaysSoAndKeepsWhatWasTyped() {
        String id = register("rsj_steward", "并发编辑测试" + System.nanoTime(), "305001");
        Session first = new Session("rsj_steward");
        Session second = new Session("rsj_steward");
        String page = first.get("/catalog/resources/" + id + "/edit").body();
        second.get("/catalog/resources/" + id + "/edit");
        String version = value(page, "version");

        HttpResponse<String> saved = first.post("/catalog/resources/" + id, form("第一人保存", version));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> stale = second.post("/catalog/resources/" + id, form("第二人保存", version));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("id=\"stale-warning\"", "该记录已被他人修改", "value=\"第二人保存\"");
        assertThat(HttpApi.as(port, "rsj_steward").get("/api/v1/catalog/resources/" + id).text("name")).isEqualTo("第一人保存");
    }

    @Test
    void reviewersMustSayWhyTheyReturnAndProvidersWhyTheyWithdraw() {
        String id = register("scjg_steward", "退回与撤销测试" + System.nanoTime(), "303002");
        Session steward = new Session("scjg_steward");
        steward.get("/catalog/resources/" + id);
        assertThat(steward.post("/catalog/resources/" + id + "/submission", Map.of()).statusCode()).isEqualTo(302);

        Session admin = new Session("admin");
        String page = admin.get("/catalog/resources/" + id).body();
        assertThat(page).contains("id=\"review-panel\"", "id=\"approve\"", "id=\"return\"");
        HttpResponse<String> noComment = admin.post("/catalog/resources/" + id + "/return", Map.of("comment", " "));
        assertThat(noComment.statusCode()).isEqualTo(200);
        assertThat(noComment.body()).contains("id=\"form-errors\"", "退回修改须写明意见");
        assertThat(admin.post("/catalog/resources/" + id + "/return", Map.of("comment", "请补充数据范围")).statusCode())
            .isEqualTo(302);
        assertThat(steward.get("/catalog/resources/" + id).body()).contains("id=\"review-comment\"", "请补充数据范围",
            "data-status=\"DRAFT\"");

        HttpResponse<String> noReason = steward.post("/catalog/resources/" + id + "/withdrawal", Map.of("reason", ""));
        assertThat(noReason.body()).contains("撤销资源须说明理由");
        assertThat(steward.post("/catalog/resources/" + id + "/withdrawal", Map.of("reason", "职能划转")).statusCode())
            .isEqualTo(302);
        assertThat(steward.get("/catalog/resources/" + id).body()).contains("data-status=\"WITHDRAWN\"", "职能划转")
            .doesNotContain("id=\"withdraw-toggle\"", "id=\"edit-resource\"");
    }

    @Test
    void aDiscardedChangeRestoresThePublishedVersion() {
        String name = "放弃变更测试" + System.nanoTime();
        String id = register("rsj_steward", name, "305002");
        HttpApi api = HttpApi.as(port, "rsj_steward");
        api.post("/api/v1/catalog/resources/" + id + "/submission", null);
        HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");

        Session steward = new Session("rsj_steward");
        steward.get("/catalog/resources/" + id);
        HttpResponse<String> started = steward.post("/catalog/resources/" + id + "/change", Map.of());
        assertThat(started.headers().firstValue("Location").orElse("")).endsWith("/catalog/resources/" + id + "/edit");
        String editor = steward.get("/catalog/resources/" + id + "/edit").body();
        Map<String, String> changed = form("改名后", value(editor, "version"));
        changed.put("classificationCode", "305002");
        assertThat(steward.post("/catalog/resources/" + id, changed).statusCode()).isEqualTo(302);
        assertThat(steward.get("/catalog/resources/" + id).body()).contains("改名后", "id=\"working-copy-note\"",
            "id=\"discard-change\"");
        assertThat(new Session("scjg_admin").get("/catalog/resources/" + id).body()).as("others still see v1")
            .contains(name).doesNotContain("改名后");

        assertThat(steward.post("/catalog/resources/" + id + "/change/discard", Map.of()).statusCode()).isEqualTo(302);
        assertThat(steward.get("/catalog/resources/" + id).body()).contains(name, "data-status=\"PUBLISHED\"");
    }

    private static Map<String, String> form(String name, String version) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", version);
        f.put("classificationCode", "305001");
        f.put("name", name);
        f.put("format", "DATABASE");
        f.put("shareType", "UNCONDITIONAL");
        f.put("openType", "NOT_OPEN");
        f.put("updateCycle", "MONTHLY");
        f.put("dataItems[0].name", "单位名称");
        f.put("dataItems[0].codeName", "dwmc");
        f.put("dataItems[0].dataType", "STRING");
        f.put("dataItems[0].length", "200");
        return f;
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("input %s", name).isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A console session of a demo user on this test's server. */
    private final class Session extends ConsoleSession {
        Session(String username) {
            super(port, username);
        }
    }

    private record Page(int status, String body) {
    }
}
