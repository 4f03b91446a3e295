package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.platform.CurrentActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CatalogManagement catalog;

    static String resource(String name, String classification, String shareType, String extra, String items) {
        return """
            {"classificationCode":"%s","name":"%s","summary":"测试资源摘要","format":"DATABASE","shareType":"%s",
             "openType":"NOT_OPEN","updateCycle":"MONTHLY"%s,"dataItems":[%s]}
            """.formatted(classification, name, shareType, extra, items);
    }

    static final String ITEMS = """
        {"name":"统一社会信用代码","codeName":"uscc","dataType":"STRING","length":18,"key":true},
        {"name":"企业名称","codeName":"name","dataType":"STRING","length":200},
        {"name":"成立日期","codeName":"established","dataType":"DATE"}
        """;

    private Response register(String user, String body) {
        return HttpApi.as(port, user).post("/api/v1/catalog/resources", body);
    }

    @Test
    void aStewardRegistersADraftWithAGeneratedCode() {
        Response r = register("scjg_steward", resource("市场主体登记信息", "303001", "CONDITIONAL",
            ",\"shareCondition\":\"用于行政审批和监管\"", ITEMS));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("code")).matches("303001/\\d{6}");
        assertThat(r.text("status")).isEqualTo("DRAFT");
        assertThat(r.json().get("dataItems").size()).isEqualTo(3);
        assertThat(r.json().get("dataItems").get(1).get("standardName").asString()).isEqualTo("企业名称");
    }

    @Test
    void everyBrokenRuleIsReportedWithItsFieldAtOnce() {
        Response r = register("scjg_steward", resource("", "999", "CONDITIONAL", "", """
            {"name":"名称","codeName":"Name","dataType":"STRING"},
            {"name":"名称","codeName":"dup","dataType":"DATE"},
            {"name":"日期","codeName":"dup","dataType":"DATE","shareType":"UNCONDITIONAL"}
            """));
        assertThat(r.status()).isEqualTo(422);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.findValuesAsString("field")).contains("name");
        assertThat(errors.findValuesAsString("rule")).contains("required");

        Response rules = register("scjg_steward", resource("规则测试", "999", "CONDITIONAL", "", """
            {"name":"名称","codeName":"Name","dataType":"STRING"},
            {"name":"名称","codeName":"dup","dataType":"DATE"},
            {"name":"日期","codeName":"dup","dataType":"DATE","shareType":"UNCONDITIONAL"}
            """));
        assertThat(rules.status()).isEqualTo(422);
        assertThat(rules.json().get("errors").findValuesAsString("rule")).contains(
            "classification-unknown", "share-condition-required", "code-name-format", "item-length-required",
            "item-name-duplicate", "item-code-duplicate", "item-looser-than-resource");
        assertThat(rules.json().get("errors").findValuesAsString("field")).contains(
            "classificationCode", "shareCondition", "dataItems[0].codeName", "dataItems[0].length",
            "dataItems[1].name", "dataItems[2].codeName", "dataItems[2].shareType");
    }

    @Test
    void notSharedNeedsALegalBasisAndBasicResourcesAreUnconditional() {
        Response noBasis = register("gaj_steward", resource("涉密人员信息", "304", "NOT_SHARED", "", ITEMS));
        assertThat(noBasis.status()).isEqualTo(422);
        assertThat(noBasis.json().get("errors").findValuesAsString("rule")).containsExactly("legal-basis-required");

        Response basic = register("gaj_steward", resource("户籍人口基本信息", "101001", "CONDITIONAL",
            ",\"shareCondition\":\"仅限\"", ITEMS));
        assertThat(basic.json().get("errors").findValuesAsString("rule")).contains("basic-must-be-unconditional");

        Response noType = register("gaj_steward", resource("无类型", "304", "UNCONDITIONAL", "",
            "{\"name\":\"姓名\",\"codeName\":\"xm\"}"));
        assertThat(noType.status()).isEqualTo(422);
        assertThat(noType.json().get("errors").findValuesAsString("field")).contains("dataItems[0].dataType");
    }

    @Test
    void draftsAreTheProvidersOwnUntilPublishedThenEveryoneSeesThePublishedVersion() {
        Response draft = register("scjg_steward", resource("食品经营许可信息", "303002", "UNCONDITIONAL", "", ITEMS));
        String id = draft.text("id");
        assertThat(HttpApi.as(port, "rsj_admin").get("/api/v1/catalog/resources/" + id).status()).isEqualTo(403);
        assertThat(HttpApi.as(port, "auditor").get("/api/v1/catalog/resources/" + id).status())
            .as("the authority sees drafts").isEqualTo(200);

        HttpApi steward = HttpApi.as(port, "scjg_steward");
        assertThat(HttpApi.as(port, "rsj_steward").post("/api/v1/catalog/resources/" + id + "/submission", null).status())
            .isEqualTo(403);
        assertThat(steward.post("/api/v1/catalog/resources/" + id + "/submission", null).text("status")).isEqualTo("SUBMITTED");
        assertThat(steward.put("/api/v1/catalog/resources/" + id, "\"" + draft.text("version") + "\"",
            resource("改名", "303002", "UNCONDITIONAL", "", ITEMS)).text("code")).as("no edits while in review")
            .isEqualTo("not-editable");
        assertThat(steward.post("/api/v1/catalog/resources/" + id + "/approval", "{}").status())
            .as("providers do not approve their own").isEqualTo(403);

        Response returned = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/return",
            "{\"comment\":\"请补充摘要中的数据范围\"}");
        assertThat(returned.text("status")).isEqualTo("DRAFT");
        assertThat(returned.text("reviewComment")).contains("数据范围");
        steward.post("/api/v1/catalog/resources/" + id + "/submission", null);
        Response published = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(published.text("status")).isEqualTo("PUBLISHED");
        assertThat(published.json().get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(published.text("releaseDate")).isNotBlank();
        assertThat(HttpApi.as(port, "rsj_admin").get("/api/v1/catalog/resources/" + id).text("name")).isEqualTo("食品经营许可信息");
    }

    @Test
    void aChangeIsReviewedAgainWhileThePublishedVersionStaysVisibleAndVersionsDiff() {
        HttpApi steward = HttpApi.as(port, "rsj_steward");
        HttpApi admin = HttpApi.as(port, "admin");
        String id = register("rsj_steward", resource("参保单位信息", "305001", "UNCONDITIONAL", "", ITEMS)).text("id");
        steward.post("/api/v1/catalog/resources/" + id + "/submission", null);
        admin.post("/api/v1/catalog/resources/" + id + "/approval", "{}");

        Response change = steward.post("/api/v1/catalog/resources/" + id + "/change", null);
        assertThat(change.text("status")).isEqualTo("CHANGE_DRAFT");
        String v = change.json().get("version").asString();
        Response edited = steward.put("/api/v1/catalog/resources/" + id, "\"" + v + "\"",
            resource("参保单位登记信息", "305001", "UNCONDITIONAL", "", ITEMS.replace(
                "{\"name\":\"成立日期\",\"codeName\":\"established\",\"dataType\":\"DATE\"}",
                "{\"name\":\"参保日期\",\"codeName\":\"insured_on\",\"dataType\":\"DATE\"}")));
        assertThat(edited.status()).isEqualTo(200);
        Response stale = steward.put("/api/v1/catalog/resources/" + id, "\"" + v + "\"",
            resource("并发修改", "305001", "UNCONDITIONAL", "", ITEMS));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(HttpApi.as(port, "scjg_admin").get("/api/v1/catalog/resources/" + id).text("name"))
            .as("others still see version 1").isEqualTo("参保单位信息");
        assertThat(CurrentActor.runAs(CurrentActor.system(), () -> catalog.published(UUID.fromString(id))))
            .as("other modules build on the published version, even while a change is drafted")
            .hasValueSatisfying(published -> assertThat(published.name()).isEqualTo("参保单位信息"));
        assertThat(CurrentActor.runAs(CurrentActor.system(), () -> catalog.publishedResources(null, "参保单位信息")))
            .as("listed in bulk with the published version's facts")
            .anySatisfy(p -> {
                assertThat(p.id()).hasToString(id);
                assertThat(p.name()).isEqualTo("参保单位信息");
                assertThat(p.version()).isEqualTo(1);
                assertThat(p.updateCycle()).isEqualTo(UpdateCycle.MONTHLY);
                assertThat(p.releaseDate()).isNotNull();
            });

        steward.post("/api/v1/catalog/resources/" + id + "/submission", null);
        Response v2 = admin.post("/api/v1/catalog/resources/" + id + "/approval", "{\"comment\":\"同意变更\"}");
        assertThat(v2.json().get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(HttpApi.as(port, "scjg_admin").get("/api/v1/catalog/resources/" + id).text("name")).isEqualTo("参保单位登记信息");

        JsonNode diff = HttpApi.as(port, "scjg_admin").get("/api/v1/catalog/resources/" + id + "/diff?from=1&to=2").json();
        assertThat(diff.get("fields").findValuesAsString("field")).containsExactly("name");
        assertThat(diff.get("items").findValuesAsString("codeName")).containsExactlyInAnyOrder("established", "insured_on");
        assertThat(diff.get("items").findValuesAsString("change")).containsExactlyInAnyOrder("removed", "added");
        assertThat(HttpApi.as(port, "scjg_admin").get("/api/v1/catalog/resources/" + id + "/versions").json().size()).isEqualTo(2);

        Response withdrawn = steward.post("/api/v1/catalog/resources/" + id + "/withdrawal", "{\"reason\":\"职能调整\"}");
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        assertThat(HttpApi.as(port, "scjg_admin").get("/api/v1/catalog/resources/" + id).status()).isEqualTo(403);
        assertThat(CurrentActor.runAs(CurrentActor.system(), () -> catalog.published(UUID.fromString(id)))).isEmpty();
        assertThat(CurrentActor.runAs(CurrentActor.system(), () -> catalog.publishedResources(null, "参保单位")))
            .noneMatch(p -> p.id().toString().equals(id));
    }

    @Test
    void listsShowOwnDraftsButOnlyOthersPublishedResources() {
        String id = register("spj_steward", resource("一窗受理事项清单", "314", "UNCONDITIONAL", "", ITEMS)).text("id");
        JsonNode own = HttpApi.as(port, "spj_steward").get("/api/v1/catalog/resources?status=DRAFT&size=200").json();
        assertThat(own.get("items").findValuesAsString("id")).contains(id);
        JsonNode others = HttpApi.as(port, "rsj_steward").get("/api/v1/catalog/resources?size=200&q=一窗受理事项清单").json();
        assertThat(others.get("items").findValuesAsString("id")).doesNotContain(id);
    }
}
