package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govshare.exchange.ExchangeFixtures.call;
import static org.govshare.exchange.ExchangeFixtures.creditCode;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.platform.CreditCode;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two OpenAPI views of a resource's data service, generated from its items: a client's reflects
 * exactly its grant (tyshxydm, qymc and fddbr of the five items; fddbr masked by its sensitivity), the
 * console's every shareable item (not the not-shared nsxx). Both parse as OpenAPI 3 with swagger-core.
 */
@IntegrationTest
class DataServiceDocsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PURPOSE = "接口说明测试";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID resource;
    String code;
    Client client;
    String key;

    @BeforeEach
    void setUp() {
        resource = SharingFixtures.published(port, "scjg_steward");
        code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        key = creditCode("510112", 7);
        ExchangeFixtures.push(port, resource, "docs-" + UUID.randomUUID(), """
            {"tyshxydm":"%s","qymc":"龙泉驿文档测试企业有限公司","xzqh":"510112007","fddbr":"法人代表甲乙丙","nsxx":"纳税A级"}
            """.formatted(key));
        client = ExchangeFixtures.client(port, "rsj_admin", "接口说明测试系统");
        ExchangeFixtures.grant(port, resource, client, "[\"tyshxydm\", \"qymc\", \"fddbr\"]", """
            {"items":["tyshxydm","qymc","fddbr"],"dailyQuota":500,
             "rowScope":[{"item":"xzqh","op":"PREFIX","values":["510112"]}],"comment":"接口说明测试"}
            """, PURPOSE);
    }

    private HttpResponse<String> clientDoc(String key) {
        return call(port, key, null, "GET", "/api/v1/data/" + code + "/openapi.json", null);
    }

    private static OpenAPI parse(String body) throws Exception {
        OpenAPI api = Json.mapper().readValue(body, OpenAPI.class);
        assertThat(api.getOpenapi()).startsWith("3.");
        return api;
    }

    private static List<String> parameterNames(Operation op) {
        return op.getParameters().stream().filter(p -> p.get$ref() == null).map(Parameter::getName).toList();
    }

    @Test
    void theClientsDescriptionIsItsGrantAndNothingElse() throws Exception {
        long auditedBefore = audited();
        HttpResponse<String> r = clientDoc(client.key());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        OpenAPI api = parse(r.body());
        String base = "/api/v1/data/" + code;
        assertThat(api.getPaths().keySet()).containsExactly(base + "/records/{key}", base + "/records",
            base + "/verifications", base + "/export");
        assertThat(api.getInfo().getDescription()).contains(grantNumber());

        // the record: granted items only, the masked one a string that says its mask
        Schema<?> record = api.getComponents().getSchemas().get("Record");
        assertThat(record.getProperties().keySet()).containsExactly("tyshxydm", "qymc", "fddbr");
        Schema<?> fddbr = record.getProperties().get("fddbr");
        assertThat(fddbr.getType()).isEqualTo("string");
        assertThat(fddbr.getDescription()).contains("法定代表人", "masked: SHOW_LAST 4");
        assertThat(fddbr.getExtensions()).containsEntry("x-mask", "SHOW_LAST 4");
        assertThat(record.getProperties().get("tyshxydm").getPattern()).isNotBlank();
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) record.getExample();
        assertThat(CreditCode.check(example.get("tyshxydm").toString()).valid()).as("a valid fake code").isTrue();
        assertThat(example.get("fddbr").toString()).startsWith("*");

        // filters: one parameter per filterable (granted, unmasked) item and operation
        Operation query = api.getPaths().get(base + "/records").getGet();
        assertThat(parameterNames(query)).containsExactly("tyshxydm", "tyshxydm.in", "tyshxydm.prefix", "tyshxydm.from",
            "tyshxydm.to", "qymc", "qymc.in", "qymc.prefix", "qymc.from", "qymc.to", "size", "cursor");
        assertThat(query.getParameters()).anyMatch(p -> "#/components/parameters/Purpose".equals(p.get$ref()));
        Operation export = api.getPaths().get(base + "/export").getGet();
        assertThat(parameterNames(export)).startsWith("format").doesNotContain("size", "cursor")
            .noneMatch(n -> n.startsWith("fddbr"));
        assertThat(api.getComponents().getParameters().get("Purpose").getRequired()).isTrue();
        assertThat(api.getComponents().getParameters().get("Purpose").getIn()).isEqualTo("header");
        // the purposes the grant approved are the header's only values
        Parameter purpose = api.getComponents().getParameters().get("Purpose");
        assertThat(purpose.getSchema().getEnum()).containsExactly(PURPOSE);
        assertThat(purpose.getExample()).isEqualTo(PURPOSE);
        assertThat(api.getInfo().getDescription()).contains(PURPOSE);
        assertThat(api.getComponents().getSecuritySchemes().get("apiKey").getName()).isEqualTo("X-Api-Key");
        Schema<?> values = (Schema<?>) api.getComponents().getSchemas().get("VerificationRequest").getProperties().get("values");
        assertThat(values.getProperties().keySet()).containsExactly("tyshxydm", "qymc", "fddbr");

        // every refusal the gateway gives, as problem+json with its codes and a detail in the caller's language
        var responses = api.getPaths().get(base + "/records/{key}").getGet().getResponses();
        assertThat(responses.keySet()).containsExactly("200", "400", "401", "403", "404", "429", "503");
        for (String status : List.of("400", "401", "403", "404", "429", "503")) {
            assertThat(responses.get(status).getContent().keySet()).containsExactly("application/problem+json");
        }
        var bad = responses.get("400").getContent().get("application/problem+json").getExamples();
        assertThat(bad.keySet()).contains("purpose-required", "credit-code-invalid");
        assertThat(JSON.valueToTree(bad.get("purpose-required").getValue()).get("detail").asString()).contains("用途");
        assertThat(responses.get("403").getDescription()).contains("no-grant", "grant-expired", "grant-revoked",
            "purpose-not-granted");
        var forbidden = responses.get("403").getContent().get("application/problem+json").getExamples();
        assertThat(JSON.valueToTree(forbidden.get("purpose-not-granted").getValue()).get("detail").asString())
            .contains(grantNumber(), PURPOSE);
        assertThat(responses.get("404").getDescription()).contains("record-not-found", "resource-not-served");
        assertThat(query.getResponses().get("403").getDescription()).contains("filter-item-not-granted", "filter-item-masked");

        // no item outside the grant appears anywhere, not even in an example
        assertThat(r.body()).doesNotContain("xzqh", "行政区划", "nsxx", "纳税");
        // describing reads no record: nothing audited, nothing taken from the quota
        assertThat(audited()).isEqualTo(auditedBefore);
        HttpResponse<String> services = call(port, client.key(), PURPOSE, "GET", "/api/v1/data", null);
        assertThat(services.body()).contains("\"usedToday\":0");
    }

    @Test
    void theExamplesWorkAgainstTheRealService() throws Exception {
        OpenAPI api = parse(clientDoc(client.key()).body());
        String base = "/api/v1/data/" + code;
        // a documented filter works as documented, and a masked item is refused as documented
        HttpResponse<String> q = call(port, client.key(), PURPOSE, "GET", base + "/records?tyshxydm=" + key, null);
        assertThat(q.statusCode()).as(q.body()).isEqualTo(200);
        JsonNode rec = JSON.readTree(q.body()).get("records").get(0);
        Schema<?> record = api.getComponents().getSchemas().get("Record");
        assertThat(rec.propertyNames()).containsExactlyElementsOf(record.getProperties().keySet());
        HttpResponse<String> masked = call(port, client.key(), PURPOSE, "GET", base + "/records?fddbr=x", null);
        assertThat(JSON.readTree(masked.body()).get("code").asString()).isEqualTo("filter-item-masked");
    }

    @Test
    void withoutAGrantOrAKeyTheClientsDescriptionIsRefusedLikeADataCall() {
        Client stranger = ExchangeFixtures.client(port, "rsj_admin", "无授权说明系统");
        HttpResponse<String> none = clientDoc(stranger.key());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(none.body()).get("code").asString()).isEqualTo("no-grant");
        assertThat(JSON.readTree(none.body()).get("applyAt").asString()).contains(resource.toString());
        assertThat(clientDoc(null).statusCode()).isEqualTo(401);
        assertThat(HttpApi.as(port, "rsj_admin").get("/api/v1/data/" + code + "/openapi.json").status())
            .as("a person's credentials do not open the client's view").isEqualTo(401);
        HttpResponse<String> unknown = call(port, client.key(), null, "GET", "/api/v1/data/999999/999999/openapi.json", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asString()).isEqualTo("resource-not-served");
    }

    @Test
    void theConsoleDescriptionHasEveryShareableItemWithDefaultMasks() throws Exception {
        HttpApi.Response r = HttpApi.as(port, "rsj_steward")
            .get("/api/v1/data-services/" + code + "/openapi.json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        OpenAPI api = parse(r.body());
        String base = "/api/v1/data/" + code;
        Schema<?> record = api.getComponents().getSchemas().get("Record");
        assertThat(record.getProperties().keySet()).containsExactly("tyshxydm", "qymc", "xzqh", "fddbr");
        assertThat(record.getProperties().get("fddbr").getExtensions()).containsEntry("x-mask", "SHOW_LAST 4");
        assertThat(parameterNames(api.getPaths().get(base + "/records").getGet()))
            .contains("xzqh", "xzqh.prefix").noneMatch(n -> n.startsWith("fddbr"));
        assertThat(r.body()).doesNotContain("nsxx", "纳税");
        assertThat(api.getInfo().getDescription()).contains(base + "/openapi.json");
        assertThat(api.getComponents().getParameters().get("Purpose").getSchema().getEnum())
            .as("people see no client's purposes").isNullOrEmpty();

        // the provider sees the same general view; unknown resources and anonymous callers are refused
        assertThat(HttpApi.as(port, "scjg_steward").get("/api/v1/data-services/" + code + "/openapi.json").body())
            .isEqualTo(r.body());
        HttpApi.Response unknown = HttpApi.as(port, "rsj_steward").get("/api/v1/data-services/999999/999999/openapi.json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("resource-not-served");
        assertThat(HttpApi.anonymous(port).get("/api/v1/data-services/" + code + "/openapi.json").status()).isEqualTo(401);
    }

    @Test
    void theGlobalApiDescriptionStillDescribesTheDataService() {
        HttpApi.Response r = HttpApi.as(port, "admin").get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.has("/api/v1/data/{classification}/{serial}/records/{key}")).isTrue();
        assertThat(paths.has("/api/v1/data/{classification}/{serial}/records")).isTrue();
        assertThat(paths.has("/api/v1/data/{classification}/{serial}/openapi.json")).isTrue();
        assertThat(paths.has("/api/v1/data-services/{classification}/{serial}/openapi.json")).isTrue();
    }

    @Test
    void theAllowedServicesPageListsTheDepartmentsClientsWithTheirGrants() {
        HttpApi.Response mine = HttpApi.as(port, "rsj_steward").get("/data-services/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("接口说明测试系统", grantNumber(), "/data-services/" + code, "保留后4位");
        HttpApi.Response provider = HttpApi.as(port, "scjg_steward").get("/data-services/mine");
        assertThat(provider.status()).isEqualTo(200);
        assertThat(provider.body()).doesNotContain("接口说明测试系统");
    }

    private String grantNumber() {
        return jdbc.sql("select number from sharing_grant where client_application_id = ?").param(client.id())
            .query(String.class).single();
    }

    private long audited() {
        return jdbc.sql("select count(*) from audit_entry where client_application_id = ?").param(client.id())
            .query(Long.class).single();
    }
}
