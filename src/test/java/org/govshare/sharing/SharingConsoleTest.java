package org.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.govshare.ConsoleSession;
import org.govshare.ConsoleSession.Page;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sharing console over real HTTP: pages and actions of other departments' applications are
 * refused, each party sees only its own forms, bad input comes back under its fields with nothing
 * written, a decision taken twice shows the clear conflict and the fresh state, and the
 * authority's chart and tiles are the authority's alone.
 */
@IntegrationTest
class SharingConsoleTest {

    private static final String APPS = "/api/v1/sharing/applications";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID resource;
    UUID rsjClient;

    @BeforeEach
    void setUp() {
        resource = SharingFixtures.published(port, "scjg_steward");
        rsjClient = SharingFixtures.client(jdbc, "社会保险经办系统");
    }

    private String reviewing() {
        Response r = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"fddbr\"]", rsjClient));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(HttpApi.as(port, "admin").post(APPS + "/" + r.text("id") + "/precheck", "{\"passed\":true}")
            .text("state")).isEqualTo("REVIEW");
        return r.text("id");
    }

    @Test
    void eachPartySeesOnlyItsOwnFormsAndOtherDepartmentsAreRefused() {
        String id = reviewing();
        Page reviewer = new Session("scjg_reviewer").get("/sharing/applications/" + id);
        assertThat(reviewer.status()).isEqualTo(200);
        assertThat(reviewer.body()).contains("id=\"approve-form\"", "id=\"refuse-form\"", "id=\"ask-supplement-form\"")
            .doesNotContain("id=\"withdraw-form\"", "id=\"precheck-form\"");
        Page consumer = new Session("rsj_steward").get("/sharing/applications/" + id);
        assertThat(consumer.body()).contains("id=\"withdraw-form\"").doesNotContain("id=\"approve-form\"");
        Page auditor = new Session("rsj_auditor").get("/sharing/applications/" + id);
        assertThat(auditor.status()).as("same department, no role to act").isEqualTo(200);
        assertThat(auditor.body()).doesNotContain("id=\"application-actions\"");

        Session other = new Session("gaj_admin");
        assertThat(other.get("/sharing/applications/" + id).status()).isEqualTo(403);
        other.get("/sharing/applications");
        assertThat(other.post("/sharing/applications/" + id + "/withdraw", Map.of("text", "x")).statusCode())
            .isEqualTo(403);
        Session wrongReviewer = new Session("gaj_reviewer");
        wrongReviewer.get("/sharing/applications");
        assertThat(wrongReviewer.post("/sharing/applications/" + id + "/approve", Map.of("grantItems", "fddbr"))
            .statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select state from sharing_application where id = ?::uuid").param(id).query(String.class)
            .single()).isEqualTo("REVIEW");
    }

    @Test
    void badInputComesBackUnderItsFieldsAndNothingIsWritten() {
        Session steward = new Session("rsj_steward");
        Page form = steward.get("/sharing/applications/new?resourceId=" + resource);
        assertThat(form.body()).contains("社会保险经办系统", "《中华人民共和国税收征收管理法》第八条");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("resourceId", resource.toString());
        fields.put("items", "qymc");
        fields.put("clientApplicationId", rsjClient.toString());
        fields.put("purpose", " ");
        fields.put("basis", "依据");
        fields.put("scenario", "场景");
        fields.put("validFrom", SharingFixtures.today().toString());
        fields.put("validUntil", SharingFixtures.today().minusDays(1).toString());
        fields.put("expectedDailyCalls", "abc");
        HttpResponse<String> r = steward.post("/sharing/applications", fields);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-error-for=\"expectedDailyCalls\"", "预计日调用量：");
        fields.put("expectedDailyCalls", "100");
        r = steward.post("/sharing/applications", fields);
        assertThat(r.body()).contains("data-error-for=\"purpose\"", "data-error-for=\"validUntil\"",
            "使用期限的结束日期早于开始日期");
        // call purposes one per line: a line too long to name in a call is shown under the field, the lines kept
        fields.put("purpose", "社保登记时核验参保单位信息");
        fields.put("purposes", "社会保险稽核\n\n" + "核".repeat(201));
        r = steward.post("/sharing/applications", fields);
        assertThat(r.body()).contains("data-error-for=\"purposes\"", "调用用途第 2 条", "不超过 200 字", "社会保险稽核\n\n核核核");
        assertThat(jdbc.sql("select count(*) from sharing_application where resource_id = ?").param(resource)
            .query(Long.class).single()).isZero();
    }

    @Test
    void aDecisionTakenTwiceShowsTheConflictAndTheFreshState() {
        String id = reviewing();
        Session first = new Session("scjg_reviewer");
        first.get("/sharing/applications/" + id);
        // a filter without its value: named by its row, under the scope editor, nothing decided
        HttpResponse<String> bad = first.post("/sharing/applications/" + id + "/approve",
            Map.of("grantItems", "fddbr", "filterItem-0", "xzqh", "filterOp-0", "EQ", "filterValues-0", " "));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("行范围条件第 1 条：", "id=\"approve-form\"");
        assertThat(jdbc.sql("select state from sharing_application where id = ?::uuid").param(id).query(String.class)
            .single()).isEqualTo("REVIEW");
        HttpResponse<String> refused = first.post("/sharing/applications/" + id + "/refuse", Map.of("text", "不符合条件"));
        assertThat(refused.statusCode()).isEqualTo(302);
        // a second reviewer's page was open before: its approval now meets a refused application
        HttpResponse<String> late = first.post("/sharing/applications/" + id + "/approve", Map.of("grantItems", "fddbr"));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("id=\"form-errors\"", "该申请当前状态为“已拒绝”", "data-state=\"REFUSED\"")
            .doesNotContain("id=\"approve-form\"");
        assertThat(jdbc.sql("select count(*) from sharing_grant where application_id = ?::uuid").param(id)
            .query(Long.class).single()).isZero();
    }

    @Test
    void theAuthorityOverturnsARefusalWithTheScopeItSetsInTheEditor() {
        String id = reviewing();
        HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/refuse", "{\"reason\":\"不符合共享条件\"}");
        HttpApi.as(port, "rsj_admin").post(APPS + "/" + id + "/dispute", "{\"reason\":\"法定职责所需\"}");
        Session admin = new Session("admin");
        assertThat(admin.get("/sharing/applications/" + id).body()).contains("id=\"dispute-decision-scope\"",
            "id=\"scope-items\"");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("upheld", "false", "text", "依法履职所需，限本区",
            "grantItems", "fddbr", "mask-fddbr", "SHOW_FIRST", "maskN-fddbr", "1", "maskDefault-fddbr", "SHOW_LAST",
            "dailyQuota", "50", "filterItem-0", "xzqh", "filterOp-0", "PREFIX", "filterValues-0", "510112"));
        fields.put("validUntil", "");
        assertThat(admin.post("/sharing/applications/" + id + "/dispute-decision", fields).statusCode()).isEqualTo(302);
        Response view = HttpApi.as(port, "rsj_steward").get(APPS + "/" + id);
        assertThat(view.text("state")).isEqualTo("APPROVED");
        var g = HttpApi.as(port, "rsj_steward").get("/api/v1/sharing/grants/" + view.text("grantId")).json();
        assertThat(g.get("dailyQuota").asInt()).isEqualTo(50);
        assertThat(g.get("masks").get("fddbr").toString()).isEqualTo("{\"type\":\"SHOW_FIRST\",\"n\":1}");
        assertThat(g.get("rowScope").toString()).isEqualTo("[{\"item\":\"xzqh\",\"op\":\"PREFIX\",\"values\":[\"510112\"]}]");
    }

    @Test
    void theProviderNarrowsAGrantAndItsPageShowsTheNewScopeAndHistory() {
        String id = reviewing();
        Response approved = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{}");
        String grant = approved.text("grantId");
        Session consumer = new Session("rsj_steward");
        assertThat(consumer.get("/sharing/grants/" + grant).body()).contains("保留后4位", "id=\"row-scope-none\"")
            .doesNotContain("id=\"narrow-form\"");
        Session reviewer = new Session("scjg_reviewer");
        assertThat(reviewer.get("/sharing/grants/" + grant).body()).contains("id=\"narrow-form\"", "id=\"revoke-form\"");
        HttpResponse<String> narrowed = reviewer.post("/sharing/grants/" + grant + "/narrow", Map.of("keepItems", "fddbr",
            "filterItem-0", "xzqh", "filterOp-0", "IN", "filterValues-0", "510112, 510113", "dailyQuota", "100",
            "text", "最小必要"));
        assertThat(narrowed.statusCode()).isEqualTo(302);
        String page = consumer.get("/sharing/grants/" + grant).body();
        assertThat(page).contains("行政区划（xzqh）属于 510112、510113", "id=\"grant-quota\">100<", "收窄授权", "最小必要");
        // a mask can get stricter from the form, never looser
        HttpResponse<String> looser = reviewer.post("/sharing/grants/" + grant + "/narrow", Map.of("keepItems", "fddbr",
            "mask-fddbr", "NONE", "text", "放宽"));
        assertThat(looser.statusCode()).isEqualTo(200);
        assertThat(looser.body()).contains("只能更严格");
        assertThat(reviewer.post("/sharing/grants/" + grant + "/narrow", Map.of("keepItems", "fddbr",
            "mask-fddbr", "HASH", "text", "更严")).statusCode()).isEqualTo(302);
        assertThat(consumer.get("/sharing/grants/" + grant).body()).contains("加密散列");
        // purposes: the page lists them; unticking the only one is refused, and a box the form never offered is no box
        assertThat(consumer.get("/sharing/grants/" + grant).body()).contains("id=\"grant-purposes\"",
            SharingFixtures.PURPOSE);
        HttpResponse<String> noPurpose = reviewer.post("/sharing/grants/" + grant + "/narrow", Map.of("keepItems", "fddbr",
            "purposesOffered", "1", "keepPurposes", "7", "text", "去掉全部用途"));
        assertThat(noPurpose.statusCode()).isEqualTo(200);
        assertThat(noPurpose.body()).contains("授权至少要保留一条调用用途");
        assertThat(HttpApi.as(port, "rsj_steward").get("/api/v1/sharing/grants/" + grant).json().get("purposes").toString())
            .isEqualTo("[\"" + SharingFixtures.PURPOSE + "\"]");
    }

    @Test
    void everyPageHasAllItsWordsInChineseAndEnglish() {
        String id = reviewing();
        String grant = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve",
            "{\"rowScope\":[{\"item\":\"xzqh\",\"op\":\"RANGE\",\"values\":[\"510100\",\"\"]}]}").text("grantId");
        for (String lang : new String[]{"zh_CN", "en"}) {
            for (String user : new String[]{"admin", "scjg_reviewer", "rsj_steward"}) {
                Session s = new Session(user);
                for (String path : new String[]{"/sharing/applications", "/sharing/applications?tab=overdue",
                    "/sharing/applications/" + id, "/sharing/grants", "/sharing/grants/" + grant,
                    "/sharing/applications/new", "/sharing/applications/new?resourceId=" + resource, "/"}) {
                    if (user.equals("scjg_reviewer") && path.contains("resourceId")) {
                        assertThat(s.get(path).status()).as("a reviewer does not apply").isEqualTo(403);
                        continue;
                    }
                    Page page = s.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                    assertThat(page.status()).as(user + " " + path).isEqualTo(200);
                    assertThat(page.body()).as(user + " " + path + " " + lang).doesNotContain("??");
                }
            }
        }
        assertThat(new Session("rsj_steward").get("/sharing/grants/" + grant + "?lang=en").body())
            .contains("行政区划 (xzqh) at least 510100", "Last 4 characters shown");
    }

    @Test
    void theChartAndTheAuthorityTilesAreTheAuthoritys() {
        Page chart = new Session("admin").get("/sharing/stats/states");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("\"categories\"", "待审核", "\"series\"");
        assertThat(new Session("rsj_steward").get("/sharing/stats/states").status()).isEqualTo(403);
        assertThat(new Session("admin").get("/").body()).contains("待预审的共享申请", "逾期未办结的共享申请");
        String reviewerHome = new Session("scjg_reviewer").get("/").body();
        assertThat(reviewerHome).contains("待我单位审核的共享申请").doesNotContain("待预审的共享申请");
        Page list = new Session("admin").get("/sharing/applications?tab=all");
        assertThat(list.body()).contains("id=\"tab-overdue\"", "data-chart-src=\"/sharing/stats/states\"");
        assertThat(new Session("rsj_steward").get("/sharing/applications").body()).doesNotContain("id=\"tab-all\"");
    }


    /** A console session of a demo user on this test's server. */
    private final class Session extends ConsoleSession {
        Session(String username) {
            super(port, username);
        }
    }
}
