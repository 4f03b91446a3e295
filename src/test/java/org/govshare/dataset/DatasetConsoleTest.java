package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.ConsoleSession;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The data collection console over real HTTP: another department's dataset answers 403 on every
 * page and action, forms without the page's CSRF token are refused, and the two-step upload
 * (preview, then start with the stashed file) works in one session and not across sessions.
 */
@IntegrationTest
class DatasetConsoleTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void anotherDepartmentsDatasetIsForbiddenEverywhere() {
        UUID id = ConsoleFixtures.published(port, "scjg_steward", "控制台越权测试", ConsoleFixtures.RESIDENT_ITEMS);
        Session own = new Session("scjg_steward");
        assertThat(own.get("/datasets/" + id).status()).isEqualTo(200);
        assertThat(own.get("/datasets").body()).contains(id.toString(), "id=\"nav-datasets\"");
        assertThat(own.get("/catalog/resources/" + id).body()).contains("id=\"resource-data\"", "/datasets/" + id);

        Session other = new Session("rsj_steward");
        assertThat(other.get("/datasets/" + id).status()).isEqualTo(403);
        assertThat(other.get("/datasets/" + id + "/records").status()).isEqualTo(403);
        assertThat(other.get("/datasets").body()).doesNotContain(id.toString());
        other.get("/");
        HttpResponse<String> upload = other.upload("/datasets/" + id + "/upload", "x.csv",
            "公民身份号码,姓名\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(upload.statusCode()).isEqualTo(403);

        assertThat(new Session("admin").get("/datasets/" + id).status()).as("the authority reads overviews").isEqualTo(200);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        UUID id = ConsoleFixtures.published(port, "scjg_steward", "控制台CSRF测试", ConsoleFixtures.RESIDENT_ITEMS);
        Session steward = new Session("scjg_steward");
        steward.get("/datasets/" + id);
        steward.dropCsrf();
        HttpResponse<String> upload = steward.upload("/datasets/" + id + "/upload", "x.csv",
            "公民身份号码,姓名\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(steward.post("/datasets/" + id + "/loads", Map.of("token", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void theUploadIsPreviewedThenStartedFromTheStashOfTheSameSessionOnly() {
        UUID id = ConsoleFixtures.published(port, "scjg_steward", "控制台预览测试", ConsoleFixtures.RESIDENT_ITEMS);
        String csv = "公民身份号码;姓名;出生日期;备注\n" + ConsoleFixtures.residentId("51011219900101123")
            + ";张三;1990-01-01;无\n";
        Session steward = new Session("scjg_steward");
        steward.get("/datasets/" + id);
        HttpResponse<String> preview = steward.upload("/datasets/" + id + "/upload", "居民.csv",
            csv.getBytes(Charset.forName("GBK")), Map.of("mode", "FULL", "policy", "ALL_OR_NOTHING"));
        assertThat(preview.statusCode()).isEqualTo(200);
        String page = preview.body();
        assertThat(page).contains("id=\"preview-charset\">GBK<", "id=\"preview-delimiter\">;<", "张三");
        assertThat(page).containsPattern("name=\"item-0\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*"
            + "<option value=\"sfzh\" selected=\"selected\"");
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        steward.csrfFrom(page);

        Session thief = new Session("scjg_steward");
        thief.get("/datasets/" + id);
        HttpResponse<String> stolen = thief.post("/datasets/" + id + "/loads", Map.of("token", token.group(1),
            "column-0", "公民身份号码", "item-0", "sfzh"));
        assertThat(stolen.statusCode()).as("another session cannot start this upload").isEqualTo(200);
        assertThat(stolen.body()).contains("预览已失效");

        Map<String, String> start = new LinkedHashMap<>();
        start.put("token", token.group(1));
        start.put("mode", "FULL");
        start.put("policy", "ALL_OR_NOTHING");
        start.put("column-0", "公民身份号码");
        start.put("item-0", "sfzh");
        start.put("column-1", "姓名");
        start.put("item-1", "xm");
        start.put("column-2", "出生日期");
        start.put("item-2", "csrq");
        start.put("column-3", "备注");
        start.put("item-3", "");
        HttpResponse<String> started = steward.post("/datasets/" + id + "/loads", start);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/datasets/loads/");
        String loadId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(new Session("rsj_steward").get("/datasets/loads/" + loadId).status()).isEqualTo(403);
        assertThat(new Session("rsj_steward").get("/datasets/loads/" + loadId + "/rejections.csv").status()).isEqualTo(403);
    }

    @Test
    void theRulesEditorSavesARuleTheProviderOnly() {
        UUID id = ConsoleFixtures.published(port, "gaj_steward", "控制台规则测试", ConsoleFixtures.RESIDENT_ITEMS);
        Session steward = new Session("gaj_steward");
        String page = steward.get("/datasets/" + id + "/rules").body();
        assertThat(page).contains("name=\"code-0\" value=\"sfzh\"", "name=\"code-1\" value=\"xm\"", "id=\"save-rules\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code-0", "sfzh");
        form.put("required-0", "on");
        form.put("kind-0", "RESIDENT_ID");
        form.put("code-1", "xm");
        form.put("required-1", "on");
        form.put("kind-1", "PLAIN");
        form.put("pattern-1", "\\p{IsHan}{2,4}");
        form.put("code-2", "csrq");
        form.put("kind-2", "PLAIN");
        HttpResponse<String> saved = steward.post("/datasets/" + id + "/rules", form);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"saved\"");
        var rules = HttpApi.as(port, "gaj_steward").get("/api/v1/datasets/" + id + "/rules").json();
        assertThat(rules.toString()).contains("\\\\p{IsHan}{2,4}");

        Session other = new Session("rsj_steward");
        assertThat(other.get("/datasets/" + id + "/rules").status()).isEqualTo(403);
        other.get("/");
        assertThat(other.post("/datasets/" + id + "/rules", form).statusCode()).isEqualTo(403);
    }

    @Test
    void theDashboardCountsOverdueDatasets() {
        ConsoleFixtures.published(port, "spj_steward", "控制台仪表盘测试", ConsoleFixtures.RESIDENT_ITEMS);
        assertThat(new Session("spj_steward").get("/").body()).contains("本单位逾期未更新的数据集");
        assertThat(new Session("admin").get("/").body()).contains("逾期未更新的数据集（全区）",
            "data-chart-src=\"/datasets/stats/freshness\"");
        String chart = new Session("admin").get("/datasets/stats/freshness").body();
        assertThat(chart).contains("按期更新", "已逾期", "未承诺周期");
        assertThat(new Session("spj_steward").get("/datasets/stats/freshness").status()).isEqualTo(403);
    }



    /** A console session of a demo user on this test's server. */
    private final class Session extends ConsoleSession {
        Session(String username) {
            super(port, username);
        }
    }
}
