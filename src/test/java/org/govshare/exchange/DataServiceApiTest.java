package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govshare.exchange.ExchangeFixtures.call;
import static org.govshare.exchange.ExchangeFixtures.creditCode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer's client reads a provider's enterprise records through the data service under a
 * conditional grant (items tyshxydm, qymc, xzqh, fddbr; row scope xzqh starts with 510112; fddbr
 * masked to its last 4 characters): exactly that scope comes back, every call is audited, and every
 * kind of bad call is a clear 4xx that leaks nothing.
 */
@IntegrationTest
class DataServiceApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PURPOSE = "社保登记核验参保单位信息";
    /** Also approved; a call may write it with full-width digits and spaces (NFKC, runs of space as one). */
    private static final String AUDIT = "2026年度 社保稽核";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID resource;
    String code;
    Client client;
    final List<String> inside = new ArrayList<>();
    final List<String> outside = new ArrayList<>();

    @BeforeEach
    void setUp() {
        resource = SharingFixtures.published(port, "scjg_steward");
        code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            String area = i <= 20 ? "510112" : "510104";
            String key = creditCode(area, i);
            (i <= 20 ? inside : outside).add(key);
            rows.append(i == 1 ? "" : ",").append("""
                {"tyshxydm":"%s","qymc":"龙泉驿测试企业%02d有限公司","xzqh":"%s%03d","fddbr":"法人代表%02d号","nsxx":"纳税A级%d"}
                """.formatted(key, i, area, i, i, i));
        }
        ExchangeFixtures.push(port, resource, "seed-" + UUID.randomUUID(), rows.toString());
        client = ExchangeFixtures.client(port, "rsj_admin", "数据服务测试");
        ExchangeFixtures.grant(port, resource, client, "[\"tyshxydm\", \"qymc\", \"xzqh\", \"fddbr\"]", """
            {"items":["tyshxydm","qymc","xzqh","fddbr"],"dailyQuota":1000,
             "rowScope":[{"item":"xzqh","op":"PREFIX","values":["510112"]}],"comment":"限龙泉驿区"}
            """, PURPOSE, AUDIT);
    }

    private HttpResponse<String> get(String path) {
        return call(port, client.key(), PURPOSE, "GET", path, null);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Value("${local.data-service.port}")
    int dataPort;

    @Test
    void theDataServicesOwnPortAnswersClientSystemsAndNothingElse() {
        String path = "/api/v1/data/" + code + "/records/" + inside.get(3);
        HttpResponse<String> onDataPort = call(dataPort, client.key(), PURPOSE, "GET", path, null);
        assertThat(onDataPort.statusCode()).as(onDataPort.body()).isEqualTo(200);
        assertThat(onDataPort.body()).isEqualTo(get(path).body());
        assertThat(dataPort).isNotEqualTo(port);
        for (String elsewhere : List.of("/login", "/api/v1/catalog/resources", "/actuator/prometheus", "/api/v1/database",
                "/api/v1/data-services/usage")) {
            HttpResponse<String> r = call(dataPort, client.key(), PURPOSE, "GET", elsewhere, null);
            assertThat(r.statusCode()).as(elsewhere).isEqualTo(404);
            assertThat(json(r).get("code").asString()).isEqualTo("data-port-only");
            assertThat(json(r).get("detail").asString()).contains("/api/v1/data");
        }
        HttpResponse<String> unauthenticated = call(dataPort, "gsk_not-a-key", PURPOSE, "GET", path, null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
    }

    @Test
    void anExportIsAFileOnlyWhenItIsAnswered() {
        String path = "/api/v1/data/" + code + "/export?format=csv";
        HttpResponse<String> refused = call(port, client.key(), null, "GET", path, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
        HttpResponse<String> answered = get(path);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(answered.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".csv"));
        HttpResponse<String> empty = get("/api/v1/data/" + code + "/export?format=jsonl&tyshxydm=" + outside.get(0));
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(empty.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".jsonl"));
    }

    @Test
    void aLookupReturnsExactlyTheGrantedItemsMaskedAndIsAuditedWithTheSubject() {
        HttpResponse<String> r = get("/api/v1/data/" + code + "/records/" + inside.get(2));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode record = json(r).get("record");
        assertThat(record.propertyNames()).containsExactly("tyshxydm", "qymc", "xzqh", "fddbr");
        assertThat(record.get("tyshxydm").asString()).isEqualTo(inside.get(2));
        assertThat(record.get("qymc").asString()).isEqualTo("龙泉驿测试企业03有限公司");
        assertThat(record.get("fddbr").asString()).as("sensitive: last 4 only").isEqualTo("***表03号");
        assertThat(r.body()).doesNotContain("nsxx", "纳税");

        // the key in lower case is the same key; the audit holds the call with purpose and subject hash
        assertThat(get("/api/v1/data/" + code + "/records/" + inside.get(2).toLowerCase()).statusCode()).isEqualTo(200);
        List<String> audited = jdbc.sql("select action || '|' || purpose || '|' || outcome || '|' || target_id "
                + "from audit_entry where client_application_id = ? order by seq").param(client.id())
            .query(String.class).list();
        assertThat(audited).hasSize(2).allMatch(a -> a.equals("data.lookup|" + PURPOSE + "|SUCCESS|" + resource));
        assertThat(jdbc.sql("select count(*) from audit_entry where client_application_id = ? and cardinality(subject_keys) = 1")
            .param(client.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRecordOutsideTheRowScopeLooksExactlyLikeOneThatDoesNotExist() {
        HttpResponse<String> out = get("/api/v1/data/" + code + "/records/" + outside.get(0));
        HttpResponse<String> none = get("/api/v1/data/" + code + "/records/" + creditCode("510112", 999_999));
        assertThat(out.statusCode()).isEqualTo(404);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(out).get("code").asString()).isEqualTo(json(none).get("code").asString())
            .isEqualTo("record-not-found");
        assertThat(out.body()).doesNotContain("龙泉驿测试企业", "法人代表");
    }

    @Test
    void aQueryPagesThroughTheScopeOnlyWithAnOpaqueCursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> r = get("/api/v1/data/" + code + "/records?xzqh.prefix=5101&size=7"
                + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json(r);
            page.get("records").forEach(rec -> seen.add(rec.get("tyshxydm").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            if (cursor != null) {
                assertThat(cursor).doesNotContain(seen.get(seen.size() - 1)).doesNotContain("9151");
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(inside).doesNotContainAnyElementsOf(outside);
        assertThat(pages).isEqualTo(3);

        HttpResponse<String> one = get("/api/v1/data/" + code + "/records?qymc=" + "%E9%BE%99%E6%B3%89%E9%A9%BF"
            + "%E6%B5%8B%E8%AF%95%E4%BC%81%E4%B8%9A05%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8");
        assertThat(json(one).get("count").asInt()).as(one.body()).isEqualTo(1);
        HttpResponse<String> in = get("/api/v1/data/" + code + "/records?tyshxydm.in=" + inside.get(0) + ","
            + outside.get(0));
        assertThat(json(in).get("count").asInt()).as("the out-of-scope key is not returned").isEqualTo(1);
    }

    @Test
    void verificationAnswersMatchPerItemAndNeverAValue() {
        String body = """
            {"values":{"tyshxydm":"%s","fddbr":"法人代表04号","qymc":"别的名称"}}""".formatted(inside.get(3));
        HttpResponse<String> r = call(port, client.key(), PURPOSE, "POST", "/api/v1/data/" + code + "/verifications", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = json(r);
        assertThat(v.get("found").asBoolean()).isTrue();
        assertThat(v.get("match").asBoolean()).isFalse();
        assertThat(v.get("items").get("fddbr").asBoolean()).isTrue();
        assertThat(v.get("items").get("qymc").asBoolean()).isFalse();
        assertThat(r.body()).doesNotContain("龙泉驿测试企业04");

        HttpResponse<String> outside = call(port, client.key(), PURPOSE, "POST", "/api/v1/data/" + code + "/verifications",
            "{\"values\":{\"tyshxydm\":\"%s\",\"qymc\":\"龙泉驿测试企业21有限公司\"}}".formatted(this.outside.get(0)));
        assertThat(json(outside).get("found").asBoolean()).as("outside the row scope").isFalse();
        HttpResponse<String> notGranted = call(port, client.key(), PURPOSE, "POST",
            "/api/v1/data/" + code + "/verifications",
            "{\"values\":{\"tyshxydm\":\"%s\",\"nsxx\":\"纳税A级4\"}}".formatted(inside.get(3)));
        assertThat(notGranted.statusCode()).isEqualTo(403);
        assertThat(json(notGranted).get("field").asString()).isEqualTo("values.nsxx");
    }

    @Test
    void exportStreamsTheWholeScopeMaskedAsCsvAndJsonLines() {
        HttpResponse<String> csv = get("/api/v1/data/" + code + "/export?format=csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFtyshxydm,qymc,xzqh,fddbr");
        assertThat(lines).hasSize(1 + inside.size());
        assertThat(csv.body()).doesNotContain("510104", "纳税", "法人代表");
        HttpResponse<String> jsonl = get("/api/v1/data/" + code + "/export?format=jsonl&xzqh.prefix=51011200");
        List<String> records = jsonl.body().lines().toList();
        assertThat(records).hasSize(9);
        assertThat(JSON.readTree(records.get(0)).propertyNames()).containsExactly("tyshxydm", "qymc", "xzqh", "fddbr");
    }

    @Test
    void badCallsAreClearProblemsThatLeakNothing() {
        String base = "/api/v1/data/" + code;
        HttpResponse<String> noPurpose = call(port, client.key(), null, "GET", base + "/records/" + inside.get(0), null);
        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(json(noPurpose).get("field").asString()).isEqualTo("X-Purpose");
        assertThat(json(noPurpose).get("detail").asString()).contains("用途");

        // raw UTF-8 bytes in a header (curl -H 'X-Purpose: 核验') reach the server as ISO-8859-1 control characters
        String rawPurpose = rawRequest("GET " + base + "/records/" + inside.get(0) + " HTTP/1.1\r\nHost: localhost\r\n"
            + "X-Api-Key: " + client.key() + "\r\nX-Purpose: 核验\r\nConnection: close\r\n\r\n");
        assertThat(rawPurpose).startsWith("HTTP/1.1 400").contains("\"code\":\"request-rejected\"", "百分号编码");
        // what the firewall refuses before any handler (a semicolon in the path) is a 400 problem too
        String slash = rawRequest("GET /api/v1/data/303001;x=1/1/records/x HTTP/1.1\r\nHost: localhost\r\n"
            + "X-Api-Key: " + client.key() + "\r\nConnection: close\r\n\r\n");
        assertThat(slash).startsWith("HTTP/1.1 400").contains("\"code\":\"request-rejected\"");

        HttpResponse<String> badCheck = get(base + "/records/" + inside.get(0).substring(0, 17) + "0");
        assertThat(badCheck.statusCode()).isIn(400);
        assertThat(json(badCheck).get("code").asString()).isEqualTo("credit-code-invalid");

        HttpResponse<String> notGranted = get(base + "/records?nsxx=x");
        assertThat(notGranted.statusCode()).isEqualTo(403);
        assertThat(json(notGranted).get("code").asString()).isEqualTo("filter-item-not-granted");
        HttpResponse<String> masked = get(base + "/records?fddbr.prefix=%E6%B3%95");
        assertThat(masked.statusCode()).isEqualTo(403);
        assertThat(json(masked).get("code").asString()).isEqualTo("filter-item-masked");
        HttpResponse<String> unknown = get(base + "/records?nope=1");
        assertThat(json(unknown).get("code").asString()).isEqualTo("filter-item-unknown");
        HttpResponse<String> injection = get(base + "/records?qymc=%27%20or%201%3D1--");
        assertThat(injection.statusCode()).isEqualTo(200);
        assertThat(json(injection).get("count").asInt()).isZero();
        HttpResponse<String> injectedItem = get(base + "/records?qymc%27)%20or%20(%271.eq=1");
        assertThat(injectedItem.statusCode()).isEqualTo(400);
        HttpResponse<String> huge = get(base + "/records?size=100000");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).get("field").asString()).isEqualTo("size");
        HttpResponse<String> cursor = get(base + "/records?cursor=bm90LWEtY3Vyc29y");
        assertThat(json(cursor).get("code").asString()).isEqualTo("cursor-invalid");
        HttpResponse<String> nul = get(base + "/records?qymc=a%00b");
        assertThat(nul.statusCode()).isEqualTo(400);
        HttpResponse<String> format = get(base + "/export?format=xml");
        assertThat(format.statusCode()).isEqualTo(400);

        HttpResponse<String> unknownResource = get("/api/v1/data/999999/999999/records/" + inside.get(0));
        assertThat(unknownResource.statusCode()).isEqualTo(404);
        assertThat(json(unknownResource).get("code").asString()).isEqualTo("resource-not-served");

        HttpResponse<String> noKey = call(port, null, PURPOSE, "GET", base + "/records/" + inside.get(0), null);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(HttpApi.as(port, "rsj_steward").get(base + "/records/" + inside.get(0)).status())
            .as("a person's credentials do not open the data service").isEqualTo(401);

        // every refused call of the client is in the audit log as refused
        assertThat(jdbc.sql("select count(*) from audit_entry where client_application_id = ? and outcome <> 'SUCCESS'")
            .param(client.id()).query(Long.class).single()).isGreaterThanOrEqualTo(10);
    }

    /** Sends the request's exact bytes (UTF-8), as curl does, and returns the whole answer. */
    private String rawRequest(String request) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutAGrantTheProblemSaysWhichAndWhereToApply() {
        Client stranger = ExchangeFixtures.client(port, "rsj_admin", "无授权系统");
        HttpResponse<String> r = call(port, stranger.key(), PURPOSE, "GET", "/api/v1/data/" + code + "/records/"
            + inside.get(0), null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("code").asString()).isEqualTo("no-grant");
        assertThat(json(r).get("applyAt").asString()).isEqualTo("/sharing/applications/new?resourceId=" + resource);
    }

    @Test
    void aPurposeTheGrantDidNotApproveIsRefusedForEveryMethodAndNamesTheApprovedOnes() throws Exception {
        String base = "/api/v1/data/" + code;
        String unapproved = "商业营销名单比对";
        String verification = "{\"values\":{\"tyshxydm\":\"" + inside.get(4) + "\",\"qymc\":\"x\"}}";
        List<HttpResponse<String>> refused = List.of(
            call(port, client.key(), unapproved, "GET", base + "/records/" + inside.get(4), null),
            call(port, client.key(), unapproved, "GET", base + "/records?size=5", null),
            call(port, client.key(), unapproved, "POST", base + "/verifications", verification),
            call(port, client.key(), unapproved, "GET", base + "/export?format=csv", null));
        for (HttpResponse<String> r : refused) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            JsonNode problem = json(r);
            assertThat(problem.get("code").asString()).isEqualTo("purpose-not-granted");
            assertThat(problem.get("field").asString()).isEqualTo("X-Purpose");
            assertThat(problem.get("grantedPurposes").toString()).isEqualTo(JSON.writeValueAsString(List.of(PURPOSE, AUDIT)));
            assertThat(problem.get("applicationId").asString()).isNotBlank();
            assertThat(problem.get("applyAt").asString()).isEqualTo("/sharing/applications/new?resourceId=" + resource);
            assertThat(problem.get("detail").asString()).contains("已批准的用途", PURPOSE, AUDIT);
            assertThat(r.body()).doesNotContain("龙泉驿测试企业", "法人代表");
            assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
        }
        // in English, the approved purposes listed the English way
        java.net.http.HttpRequest english = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + port + base + "/records/" + inside.get(4)))
            .header("X-Api-Key", client.key()).header("X-Purpose", "marketing").header("Accept-Language", "en").build();
        String detail = json(ExchangeFixtures.CLIENT.send(english, HttpResponse.BodyHandlers.ofString())).get("detail")
            .asString();
        assertThat(detail).contains("Approved purposes: " + PURPOSE + "; " + AUDIT + ".").doesNotContain("；");

        // the same words typed differently are the same purpose; another approved purpose is as good
        HttpResponse<String> fullWidth = call(port, client.key(), " ２０２６年度　　社保稽核 ", "GET",
            base + "/records/" + inside.get(4), null);
        assertThat(fullWidth.statusCode()).as(fullWidth.body()).isEqualTo(200);
        assertThat(call(port, client.key(), "2026年度社保稽核", "GET", base + "/records/" + inside.get(4), null)
            .statusCode()).as("words run together are other words").isEqualTo(403);

        // audited as denied with the purpose the client gave; refused calls take nothing from the quota
        assertThat(jdbc.sql("select action || '|' || outcome from audit_entry where client_application_id = ? "
                + "and purpose = ? order by seq").params(client.id(), unapproved).query(String.class).list())
            .containsExactly("data.lookup|DENIED", "data.query|DENIED", "data.verify|DENIED", "data.export|DENIED");
        assertThat(jdbc.sql("select detail from audit_entry where client_application_id = ? and purpose = ? limit 1")
            .params(client.id(), unapproved).query(String.class).single()).contains("purpose-not-granted", "grant ");
        JsonNode entry = null;
        for (JsonNode e : json(get("/api/v1/data"))) {
            if (e.get("resourceCode").asString().equals(code)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("usedToday").asLong()).as("only the one answered call").isEqualTo(1);
        assertThat(entry.get("purposes").toString()).isEqualTo(JSON.writeValueAsString(List.of(PURPOSE, AUDIT)));
    }

    @Test
    void theAllowedServicesListNamesItemsMasksAndMethods() {
        HttpResponse<String> r = get("/api/v1/data");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode entry = null;
        for (JsonNode e : json(r)) {
            if (e.get("resourceCode").asString().equals(code)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("methods").toString()).isEqualTo("[\"lookup\",\"query\",\"verify\",\"export\"]");
        assertThat(entry.get("queryableItems").toString()).isEqualTo("[\"tyshxydm\",\"qymc\",\"xzqh\"]");
        assertThat(entry.get("items").get(3).get("mask").asString()).isEqualTo("SHOW_LAST");
    }
}
