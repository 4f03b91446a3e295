package org.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every path of the sharing rules through the real API: unconditional at once, conditional
 * pre-checked and approved (narrower than asked), refused and disputed, supplemented, not-shared
 * coordinated; bad input and wrong parties refused without a state change; one decision wins.
 */
@IntegrationTest
class SharingApiTest {

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

    private Response apply(String user, String items) {
        return HttpApi.as(port, user).post(APPS, SharingFixtures.draft(resource, items, rsjClient));
    }

    private long steps(String applicationId) {
        return jdbc.sql("select count(*) from sharing_application_step where application_id = ?::uuid")
            .param(applicationId).query(Long.class).single();
    }

    @Test
    void unconditionalItemsAreGrantedAtOnceWithTheRequestedScopeAndDefaultMasks() {
        Response r = apply("rsj_steward", "[\"tyshxydm\", \"qymc\"]");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("path")).isEqualTo("UNCONDITIONAL");
        assertThat(r.text("state")).isEqualTo("APPROVED");
        assertThat(r.text("number")).matches("SQ\\d{4}\\d{6}");
        String grantId = r.text("grantId");
        Response grant = HttpApi.as(port, "rsj_steward").get("/api/v1/sharing/grants/" + grantId);
        assertThat(grant.status()).isEqualTo(200);
        JsonNode g = grant.json();
        assertThat(g.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(g.get("items").toString()).isEqualTo("[\"tyshxydm\",\"qymc\"]");
        assertThat(g.get("dailyQuota").asInt()).isEqualTo(5000);
        assertThat(g.get("clientApplicationId").asString()).isEqualTo(rsjClient.toString());
        assertThat(g.get("validUntil").asString()).isEqualTo(SharingFixtures.today().plusYears(1).toString());
        // the provider sees the grant on its side; a third department does not see it at all
        Response providerSide = HttpApi.as(port, "scjg_reviewer").get("/api/v1/sharing/grants?side=PROVIDER&q="
            + g.get("number").asString());
        assertThat(providerSide.json().get("totalElements").asLong()).isEqualTo(1);
        assertThat(HttpApi.as(port, "gaj_admin").get("/api/v1/sharing/grants/" + grantId).status()).isEqualTo(403);
        // the audit log holds the submission, the approval and the grant
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(jdbc.sql("select count(*) from audit_entry where action in ('sharing.application.submitted', "
                    + "'sharing.application.approved', 'sharing.grant.issued') and target_id in (?, ?)")
                .params(r.text("number"), g.get("number").asString()).query(Long.class).single()).isEqualTo(3));
    }

    @Test
    void aConditionalItemIsPrecheckedThenApprovedNarrowerThanAskedAndTheGrantHasThatExactScope() {
        Response r = apply("rsj_steward", "[\"tyshxydm\", \"qymc\", \"xzqh\", \"fddbr\"]");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("path")).isEqualTo("CONDITIONAL");
        assertThat(r.text("state")).isEqualTo("PRECHECK");
        assertThat(r.json().get("dueDate").isNull()).isFalse();
        String id = r.text("id");
        // the provider cannot decide before the authority's pre-check: 409, nothing changes
        Response early = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("application-state");
        assertThat(early.text("detail")).contains("待预审", "同意");
        assertThat(HttpApi.as(port, "scjg_reviewer").inEnglish().post(APPS + "/" + id + "/approve", "{}").text("detail"))
            .doesNotContainPattern("\\p{IsHan}");
        Response passed = HttpApi.as(port, "admin").post(APPS + "/" + id + "/precheck",
            "{\"passed\":true,\"comment\":\"材料齐全\"}");
        assertThat(passed.text("state")).as(passed.body()).isEqualTo("REVIEW");
        assertThat(passed.json().get("workingDaysLeft").asInt()).isBetween(9, 10);

        String approval = """
            {"items":["tyshxydm","qymc","fddbr"],"validUntil":"%s","dailyQuota":1000,
             "rowScope":[{"item":"xzqh","op":"PREFIX","values":["510112"]}],
             "masks":{"qymc":{"type":"NONE"}},"comment":"限龙泉驿区"}
            """.formatted(SharingFixtures.today().plusMonths(6));
        Response approved = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo("APPROVED");
        JsonNode g = HttpApi.as(port, "rsj_admin").get("/api/v1/sharing/grants/" + approved.text("grantId")).json();
        assertThat(g.get("items").toString()).isEqualTo("[\"tyshxydm\",\"qymc\",\"fddbr\"]");
        assertThat(g.get("dailyQuota").asInt()).isEqualTo(1000);
        assertThat(g.get("validUntil").asString()).isEqualTo(SharingFixtures.today().plusMonths(6).toString());
        assertThat(g.get("rowScope").toString()).isEqualTo("[{\"item\":\"xzqh\",\"op\":\"PREFIX\",\"values\":[\"510112\"]}]");
        // the sensitive item keeps its default mask, the reviewer's explicit exemption is kept
        assertThat(g.get("masks").get("fddbr").toString()).isEqualTo("{\"type\":\"SHOW_LAST\",\"n\":4}");
        assertThat(g.get("masks").get("qymc").get("type").asString()).isEqualTo("NONE");
        // deciding twice: 409 and no second grant
        Response twice = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/refuse", "{\"reason\":\"再议\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from sharing_grant where application_id = ?::uuid").param(id)
            .query(Long.class).single()).isEqualTo(1);
        List<String> actions = HttpApi.as(port, "rsj_steward").get(APPS + "/" + id).json().get("steps").valueStream()
            .map(s -> s.get("action").asString()).toList();
        assertThat(actions).containsExactly("submitted", "precheck-passed", "approved");
    }

    @Test
    void aRefusalGivesReasonsAndADisputeIsSettledByTheAuthorityEitherWay() {
        String id = reviewing("[\"fddbr\"]");
        assertThat(HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/refuse", "{\"reason\":\" \"}")
            .text("code")).isEqualTo("text-required");
        Response refused = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/refuse",
            "{\"reason\":\"用途与共享条件不符\"}");
        assertThat(refused.text("state")).isEqualTo("REFUSED");
        assertThat(refused.text("decisionReason")).isEqualTo("用途与共享条件不符");
        // only the consumer disputes, only the authority decides
        assertThat(HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/dispute", "{\"reason\":\"x\"}").status())
            .isEqualTo(403);
        Response disputed = HttpApi.as(port, "rsj_admin").post(APPS + "/" + id + "/dispute",
            "{\"reason\":\"社保核验属于法定职责\"}");
        assertThat(disputed.text("state")).isEqualTo("DISPUTED");
        assertThat(HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/dispute-decision",
            "{\"upheld\":false,\"reason\":\"x\"}").status()).isEqualTo(403);
        Response overturned = HttpApi.as(port, "admin").post(APPS + "/" + id + "/dispute-decision",
            "{\"upheld\":false,\"reason\":\"依法履职所需，应予共享\",\"approval\":{\"dailyQuota\":200}}");
        assertThat(overturned.status()).as(overturned.body()).isEqualTo(200);
        assertThat(overturned.text("state")).isEqualTo("APPROVED");
        assertThat(HttpApi.as(port, "rsj_admin").get("/api/v1/sharing/grants/" + overturned.text("grantId")).json()
            .get("dailyQuota").asInt()).isEqualTo(200);

        String other = reviewing("[\"fddbr\"]");
        HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + other + "/refuse", "{\"reason\":\"不符合共享条件\"}");
        HttpApi.as(port, "rsj_admin").post(APPS + "/" + other + "/dispute", "{\"reason\":\"请求复议\"}");
        Response upheld = HttpApi.as(port, "admin").post(APPS + "/" + other + "/dispute-decision",
            "{\"upheld\":true,\"reason\":\"维持提供部门意见\"}");
        assertThat(upheld.text("state")).isEqualTo("REFUSAL_UPHELD");
        assertThat(upheld.json().get("grantId").isNull()).isTrue();
    }

    @Test
    void aSupplementStopsTheClockAndTheAnswerResumesTheReview() {
        String id = reviewing("[\"fddbr\"]");
        Response asked = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/supplement-request",
            "{\"question\":\"请补充业务场景的法规依据\"}");
        assertThat(asked.text("state")).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(asked.json().get("dueDate").isNull()).isTrue();
        assertThat(jdbc.sql("select paused_days_left from sharing_application where id = ?::uuid").param(id)
            .query(Integer.class).single()).isBetween(9, 10);
        // the reviewer cannot decide while waiting; the consumer answers
        assertThat(HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{}").status()).isEqualTo(409);
        Response answered = HttpApi.as(port, "rsj_steward").post(APPS + "/" + id + "/supplement",
            "{\"text\":\"依据《社会保险法》第五十七条\"}");
        assertThat(answered.text("state")).isEqualTo("REVIEW");
        assertThat(answered.json().get("workingDaysLeft").asInt()).isBetween(9, 10);
    }

    @Test
    void notSharedItemsCannotBeAppliedForButTheAuthorityCoordinates() {
        Response direct = apply("rsj_steward", "[\"qymc\", \"nsxx\"]");
        assertThat(direct.status()).isEqualTo(422);
        JsonNode error = direct.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("items[1]");
        assertThat(error.get("rule").asString()).isEqualTo("item-not-shared");
        assertThat(error.get("message").asString()).contains("税收征收管理法");
        assertThat(jdbc.sql("select count(*) from sharing_application where resource_id = ?").param(resource)
            .query(Long.class).single()).isZero();

        Response asked = HttpApi.as(port, "rsj_steward").post(APPS + "/coordination",
            SharingFixtures.draft(resource, "[\"qymc\", \"nsxx\"]", rsjClient));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.text("path")).isEqualTo("NOT_SHARED");
        assertThat(asked.text("state")).isEqualTo("COORDINATION");
        // the provider has no say in coordination; the authority records the outcome
        assertThat(HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + asked.text("id") + "/approve", "{}").status())
            .isEqualTo(409);
        Response concluded = HttpApi.as(port, "admin").post(APPS + "/" + asked.text("id") + "/coordination-outcome",
            "{\"granted\":false,\"reason\":\"经协调，涉税信息依法不予共享，可通过核验方式办理\"}");
        assertThat(concluded.text("state")).isEqualTo("NOT_GRANTED");
        // everything shareable: coordination is refused as not needed
        Response needless = HttpApi.as(port, "rsj_steward").post(APPS + "/coordination",
            SharingFixtures.draft(resource, "[\"qymc\"]", rsjClient));
        assertThat(needless.json().get("errors").get(0).get("rule").asString()).isEqualTo("coordination-not-needed");
    }

    @Test
    void callPurposesAreStatedOneByOneAndTheReviewerMayStrikeSome() {
        Response r = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"qymc\", \"fddbr\"]",
            rsjClient, "参保登记时核验单位登记信息", "社会保险稽核", " 社会保险稽核 ", "", "ＡＢＣ核验"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("purposes").toString()).as("blank and repeated ones dropped")
            .isEqualTo("[\"参保登记时核验单位登记信息\",\"社会保险稽核\",\"ＡＢＣ核验\"]");
        assertThat(r.text("purpose")).isEqualTo(SharingFixtures.PURPOSE);
        String id = r.text("id");
        assertThat(HttpApi.as(port, "admin").post(APPS + "/" + id + "/precheck", "{\"passed\":true}").status())
            .isEqualTo(200);

        // never more than asked, never none: refused as a whole, nothing written
        Response more = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve",
            "{\"purposes\":[\"社会保险稽核\",\"商业营销\"]}");
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().get("errors").get(0).get("field").asString()).isEqualTo("purposes[1]");
        assertThat(more.json().get("errors").get(0).get("rule").asString()).isEqualTo("purpose-not-requested");
        assertThat(more.json().get("errors").get(0).get("message").asString()).contains("商业营销");
        Response none = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{\"purposes\":[]}");
        assertThat(none.json().get("errors").get(0).get("rule").asString()).isEqualTo("grant-purposes-empty");
        assertThat(HttpApi.as(port, "rsj_steward").get(APPS + "/" + id).text("state")).isEqualTo("REVIEW");
        assertThat(jdbc.sql("select count(*) from sharing_grant where application_id = ?::uuid").param(id)
            .query(Long.class).single()).isZero();

        // struck: what is kept is in the application's own words and order, however the reviewer typed it
        Response approved = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve",
            "{\"purposes\":[\"ABC核验\",\"参保登记时核验单位登记信息\"],\"comment\":\"稽核另行申请\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String grant = "/api/v1/sharing/grants/" + approved.text("grantId");
        assertThat(HttpApi.as(port, "rsj_steward").get(grant).json().get("purposes").toString())
            .isEqualTo("[\"参保登记时核验单位登记信息\",\"ＡＢＣ核验\"]");

        // narrowing strikes more, never adds one back
        Response back = HttpApi.as(port, "scjg_reviewer").post(grant + "/narrow",
            "{\"purposes\":[\"社会保险稽核\"],\"reason\":\"x\"}");
        assertThat(back.json().get("errors").get(0).get("rule").asString()).isEqualTo("purpose-not-requested");
        Response narrowed = HttpApi.as(port, "scjg_reviewer").post(grant + "/narrow",
            "{\"purposes\":[\"ＡＢＣ核验\"],\"reason\":\"只保留资格核验\"}");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(narrowed.json().get("purposes").toString()).isEqualTo("[\"ＡＢＣ核验\"]");
    }

    @Test
    void purposesACallCannotNameAreRefused() {
        String longText = "核".repeat(201);
        String prose = SharingFixtures.draft(resource, "[\"qymc\"]", rsjClient)
            .replace("\"purpose\":\"" + SharingFixtures.PURPOSE + "\"", "\"purpose\":\"" + longText + "\"");
        Response r = HttpApi.as(port, "rsj_steward").post(APPS, prose);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("purposes");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("purposes-required");
        assertThat(r.json().get("errors").get(0).get("message").asString()).contains("200", "调用用途");

        Response tooLong = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"qymc\"]",
            rsjClient, "社会保险稽核", longText, " ", "响铃\u0007字符"));
        List<String> fields = new ArrayList<>();
        tooLong.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        assertThat(fields).as("the caller's own indexes, the blank one counted")
            .containsExactly("purposes[1]:call-purpose-invalid", "purposes[3]:call-purpose-invalid");

        String[] many = new String[21];
        java.util.Arrays.setAll(many, i -> "用途" + i);
        Response tooMany = HttpApi.as(port, "rsj_steward").inEnglish().post(APPS, SharingFixtures.draft(resource,
            "[\"qymc\"]", rsjClient, many));
        assertThat(tooMany.json().get("errors").get(0).get("rule").asString()).isEqualTo("purposes-too-many");
        assertThat(tooMany.json().get("errors").get(0).get("message").asString()).contains("20")
            .doesNotContainPattern("\\p{IsHan}");
        Response notAList = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"qymc\"]", rsjClient)
            .replace("\"purposes\":[]", "\"purposes\":\"社会保险稽核\""));
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.text("field")).isEqualTo("purposes");
        assertThat(notAList.text("detail")).isEqualTo("字段 purposes 的值类型不对，应为列表（JSON 数组）。");
        assertThat(jdbc.sql("select count(*) from sharing_application where resource_id = ?").param(resource)
            .query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedWithEveryFieldAndNothingIsWritten() {
        String body = """
            {"resourceId":"%s","items":["qymc","nope","qymc"],"clientApplicationId":"%s","purpose":"",
             "basis":"依据","scenario":"场景","validFrom":"%s","validUntil":"%s","expectedDailyCalls":0}
            """.formatted(resource, SharingFixtures.client(jdbc, "户籍人口管理系统"), SharingFixtures.today(),
            SharingFixtures.today().minusDays(1));
        Response r = HttpApi.as(port, "rsj_steward").post(APPS, body);
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        assertThat(fields).containsExactlyInAnyOrder("items[1]:item-unknown", "items[2]:item-duplicate",
            "purpose:text-required", "validUntil:period-ends-before-start", "expectedDailyCalls:expected-calls-range",
            "clientApplicationId:client-application-not-own");
        assertThat(HttpApi.as(port, "rsj_steward").inEnglish().post(APPS, body).json().get("errors").get(0)
            .get("message").asString()).doesNotContainPattern("\\p{IsHan}");
        assertThat(HttpApi.as(port, "rsj_steward").post(APPS, "{\"resourceId\":\"" + resource
            + "\",\"validFrom\":\"2026-02-30\"}").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from sharing_application where resource_id = ?").param(resource)
            .query(Long.class).single()).isZero();
        // a provider does not apply for its own resource; a reviewer does not apply at all
        assertThat(HttpApi.as(port, "scjg_steward").post(APPS, SharingFixtures.draft(resource, "[\"qymc\"]",
            SharingFixtures.client(jdbc, "企业登记注册系统"))).text("code")).isEqualTo("own-resource");
        assertThat(apply("rsj_reviewer", "[\"qymc\"]").status()).isEqualTo(403);
    }

    @Test
    void theWrongPartiesAreRefusedAndAWithdrawnApplicationTakesNoDecision() {
        String id = reviewing("[\"fddbr\"]");
        assertThat(HttpApi.as(port, "gaj_reviewer").post(APPS + "/" + id + "/approve", "{}").status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "rsj_reviewer").post(APPS + "/" + id + "/approve", "{}").status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "gaj_admin").get(APPS + "/" + id).status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "scjg_steward").post(APPS + "/" + id + "/withdraw", "{}").status()).isEqualTo(403);
        Response withdrawn = HttpApi.as(port, "rsj_steward").post(APPS + "/" + id + "/withdraw",
            "{\"reason\":\"业务调整\"}");
        assertThat(withdrawn.text("state")).isEqualTo("WITHDRAWN");
        long before = steps(id);
        Response late = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(steps(id)).isEqualTo(before);
        assertThat(HttpApi.as(port, "rsj_steward").post(APPS + "/" + id + "/withdraw", "{}").status()).isEqualTo(409);
    }

    @Test
    void twoReviewersApprovingAtOnceMakeExactlyOneDecision() throws Exception {
        String id = reviewing("[\"fddbr\"]");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{}").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from sharing_grant where application_id = ?::uuid").param(id)
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoSubmissionsAtOnceOpenOneApplication() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> apply("rsj_steward", "[\"fddbr\"]").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from sharing_application where resource_id = ?").param(resource)
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGrantIsNarrowedRenewedAndRevokedByTheProviderAndTheConsumerCannot() {
        String id = reviewing("[\"qymc\", \"fddbr\"]");
        String grantId = HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve",
            "{\"validUntil\":\"" + SharingFixtures.today().plusMonths(3) + "\"}").text("grantId");
        String g = "/api/v1/sharing/grants/" + grantId;
        assertThat(HttpApi.as(port, "rsj_admin").post(g + "/revoke", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        Response wider = HttpApi.as(port, "scjg_reviewer").post(g + "/narrow",
            "{\"items\":[\"qymc\",\"nsxx\"],\"dailyQuota\":99999,\"reason\":\"调整\"}");
        assertThat(wider.status()).isEqualTo(422);
        Response narrowed = HttpApi.as(port, "scjg_reviewer").post(g + "/narrow",
            "{\"items\":[\"qymc\"],\"addedRowFilters\":[{\"item\":\"xzqh\",\"op\":\"IN\",\"values\":[\"510112\",\"510113\"]}],"
                + "\"reason\":\"最小必要\"}");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(narrowed.json().get("items").toString()).isEqualTo("[\"qymc\"]");
        assertThat(narrowed.json().get("masks").has("fddbr")).isFalse();
        assertThat(narrowed.json().get("rowScope").size()).isEqualTo(1);
        Response renewed = HttpApi.as(port, "scjg_reviewer").post(g + "/renew",
            "{\"validUntil\":\"" + SharingFixtures.today().plusMonths(9) + "\",\"reason\":\"续期\"}");
        assertThat(renewed.json().get("validUntil").asString()).isEqualTo(SharingFixtures.today().plusMonths(9).toString());
        Response revoked = HttpApi.as(port, "admin").post(g + "/revoke", "{\"reason\":\"超范围使用\"}");
        assertThat(revoked.json().get("state").asString()).isEqualTo("REVOKED");
        assertThat(HttpApi.as(port, "scjg_reviewer").post(g + "/renew",
            "{\"validUntil\":\"" + SharingFixtures.today().plusMonths(10) + "\"}").text("code")).isEqualTo("grant-revoked");
    }

    /** A conditional application passed the pre-check: in the provider's review. */
    private String reviewing(String items) {
        Response r = apply("rsj_steward", items);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Response passed = HttpApi.as(port, "admin").post(APPS + "/" + r.text("id") + "/precheck",
            "{\"passed\":true}");
        assertThat(passed.text("state")).as(passed.body()).isEqualTo("REVIEW");
        return r.text("id");
    }
}
