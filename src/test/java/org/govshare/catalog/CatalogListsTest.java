package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogListsTest {

    @LocalServerPort
    int port;

    private String org(String user) {
        return HttpApi.as(port, user).get("/api/v1/me").text("organizationId");
    }

    @Test
    void twoDepartmentsClaimingOneDataItemIsAConflictUntilTheAuthoritySettlesIt() {
        JsonNode conflicts = HttpApi.as(port, "auditor").get("/api/v1/catalog/lists/responsibilities?conflicts=true").json();
        JsonNode resident = null;
        for (JsonNode r : conflicts) {
            if (r.get("standardName").asString().equals("公民身份号码")) {
                resident = r;
            }
        }
        assertThat(resident).as("the demo's police and human resources both claim 公民身份号码").isNotNull();
        assertThat(resident.get("claims").findValuesAsString("organizationId")).contains(org("gaj_admin"), org("rsj_admin"));

        assertThat(HttpApi.as(port, "rsj_admin").put("/api/v1/catalog/lists/responsibilities/公民身份号码", null,
            "{\"organizationId\":\"" + org("rsj_admin") + "\"}").status()).as("only the authority settles").isEqualTo(403);
        Response settled = HttpApi.as(port, "admin").put("/api/v1/catalog/lists/responsibilities/公民身份号码", null,
            "{\"organizationId\":\"" + org("gaj_admin") + "\",\"note\":\"户籍登记由公安机关负责\"}");
        assertThat(settled.status()).isEqualTo(200);
        assertThat(settled.text("settledOrganizationId")).isEqualTo(org("gaj_admin"));
        assertThat(settled.json().get("conflict").asBoolean()).as("human resources still claims it").isTrue();
    }

    @Test
    void notSharedResourcesAreListedWithTheirBasisAndCanBeChallenged() {
        JsonNode list = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/lists/negative-list").json();
        assertThat(list.size()).isPositive();
        JsonNode secret = null;
        for (JsonNode e : list) {
            if (e.get("resourceName").asString().equals("涉密人员管理信息")) {
                secret = e;
            }
        }
        assertThat(secret).isNotNull();
        assertThat(secret.get("legalBasis").asString()).contains("保守国家秘密法");

        String resourceId = secret.get("resourceId").asString();
        assertThat(HttpApi.as(port, "scjg_admin").post("/api/v1/catalog/lists/negative-list/challenges",
            "{\"resourceId\":\"" + resourceId + "\",\"reason\":\"越权\"}").status()).isEqualTo(403);
        Response challenge = HttpApi.as(port, "admin").post("/api/v1/catalog/lists/negative-list/challenges",
            "{\"resourceId\":\"" + resourceId + "\",\"reason\":\"请说明人员基本信息为何不能向组织部门有条件共享\"}");
        assertThat(challenge.status()).isEqualTo(201);
        String id = challenge.text("id");
        assertThat(HttpApi.as(port, "scjg_admin").post("/api/v1/catalog/lists/negative-list/challenges/" + id + "/response",
            "{\"response\":\"x\"}").status()).as("only the provider answers").isEqualTo(403);
        Response answered = HttpApi.as(port, "gaj_admin").post(
            "/api/v1/catalog/lists/negative-list/challenges/" + id + "/response", "{\"response\":\"涉密岗位信息依法不予共享\"}");
        assertThat(answered.text("response")).contains("依法");
        Response decided = HttpApi.as(port, "admin").post(
            "/api/v1/catalog/lists/negative-list/challenges/" + id + "/decision", "{\"overturned\":false}");
        assertThat(decided.text("status")).isEqualTo("UPHELD");
        assertThat(HttpApi.as(port, "admin").post("/api/v1/catalog/lists/negative-list/challenges/" + id + "/decision",
            "{\"overturned\":true}").status()).isEqualTo(409);
    }

    @Test
    void theConsolePageShowsTheListsToEveryoneAndDecisionsOnlyToTheAuthority() {
        Response steward = HttpApi.as(port, "rsj_steward").get("/catalog/lists?tab=responsibility");
        assertThat(steward.status()).isEqualTo(200);
        assertThat(steward.body()).contains("id=\"responsibilities\"").contains("公民身份号码").doesNotContain("name=\"standardName\"");
        Response admin = HttpApi.as(port, "admin").get("/catalog/lists?tab=negative");
        assertThat(admin.body()).contains("id=\"negative-list\"").contains("涉密人员管理信息").contains("name=\"reason\"");
        assertThat(HttpApi.as(port, "admin").get("/catalog/lists?tab=duty").body()).contains("id=\"duty-form\"");
    }

    @Test
    void aDutyChangeIsDueInFifteenDaysAndDoneOnceTheDepartmentSubmitsItsCatalog() {
        String spj = org("spj_admin");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Response old = HttpApi.as(port, "admin").post("/api/v1/catalog/lists/duty-changes",
            "{\"organizationId\":\"" + spj + "\",\"description\":\"承接区发改局投资项目审批职能\",\"changedOn\":\""
                + today.minusDays(20) + "\"}");
        assertThat(old.status()).isEqualTo(201);
        assertThat(old.text("dueOn")).isEqualTo(today.minusDays(5).toString());
        assertThat(HttpApi.as(port, "admin").post("/api/v1/catalog/lists/duty-changes",
            "{\"organizationId\":\"" + spj + "\",\"description\":\"x\",\"changedOn\":\"" + today.plusDays(3) + "\"}").text("code"))
            .isEqualTo("date-in-future");

        String street = HttpApi.as(port, "admin").get("/api/v1/organizations?q=%E9%BE%99%E6%B3%89%E8%A1%97%E9%81%93").json()
            .get("items").get(0).get("id").asString();
        Response overdue = HttpApi.as(port, "admin").post("/api/v1/catalog/lists/duty-changes",
            "{\"organizationId\":\"" + street + "\",\"description\":\"增设综合执法职能\",\"changedOn\":\""
                + today.minusDays(16) + "\"}");
        assertThat(overdue.json().get("overdue").asBoolean()).as("no catalog update 16 days after").isTrue();

        JsonNode mine = HttpApi.as(port, "spj_admin").get("/api/v1/catalog/lists/duty-changes?organizationId=" + spj).json();
        assertThat(mine.findValuesAsString("description")).contains("承接区发改局投资项目审批职能");
        assertThat(HttpApi.as(port, "rsj_admin").get("/api/v1/catalog/lists/duty-changes?organizationId=" + spj).status())
            .isEqualTo(403);

        String resource = HttpApi.as(port, "spj_steward").post("/api/v1/catalog/resources", CatalogApiTest.resource(
            "投资项目审批承接事项", "314", "UNCONDITIONAL", "", CatalogApiTest.ITEMS)).text("id");
        HttpApi.as(port, "spj_steward").post("/api/v1/catalog/resources/" + resource + "/submission", null);
        JsonNode after = HttpApi.as(port, "spj_admin").get("/api/v1/catalog/lists/duty-changes?organizationId=" + spj).json();
        for (JsonNode d : after) {
            if (d.get("id").asString().equals(old.text("id"))) {
                assertThat(d.get("catalogUpdatedOn").isNull()).isFalse();
                assertThat(d.get("overdue").asBoolean()).isFalse();
            }
        }
    }
}
