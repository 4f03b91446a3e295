package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govshare.exchange.ExchangeFixtures.call;
import static org.govshare.exchange.ExchangeFixtures.creditCode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to a grant reaches the data service at once: a narrowed scope, a revocation, an
 * expiry; the daily quota is enforced with a Retry-After until Beijing midnight.
 */
@IntegrationTest
class GrantLifecycleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PURPOSE = "参保登记核验";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID resource;
    String code;
    Client client;
    String grantId;
    final String[] keys = new String[4];

    @BeforeEach
    void setUp() {
        resource = SharingFixtures.published(port, "scjg_steward");
        code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = creditCode("510112", 500 + i);
            rows.append(i == 0 ? "" : ",").append("""
                {"tyshxydm":"%s","qymc":"生命周期企业%d","xzqh":"51011200%d","fddbr":"代表人%d"}
                """.formatted(keys[i], i, i, i));
        }
        ExchangeFixtures.push(port, resource, "life-" + UUID.randomUUID(), rows.toString());
        client = ExchangeFixtures.client(port, "rsj_admin", "生命周期");
        grantId = ExchangeFixtures.grant(port, resource, client, "[\"tyshxydm\", \"qymc\", \"xzqh\", \"fddbr\"]",
            "{\"items\":[\"tyshxydm\",\"qymc\",\"xzqh\",\"fddbr\"],\"dailyQuota\":5,\"masks\":{\"qymc\":{\"type\":\"NONE\"}}}",
            PURPOSE);
    }

    private HttpResponse<String> lookup(int i) {
        return call(port, client.key(), PURPOSE, "GET", "/api/v1/data/" + code + "/records/" + keys[i], null);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void theDailyQuotaIsEnforcedWithRetryAfterAndRefusalsTakeNoQuota() {
        for (int i = 0; i < 5; i++) {
            assertThat(lookup(i % keys.length).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = lookup(0);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(json(over).get("code").asString()).isEqualTo("quota-exceeded");
        assertThat(json(over).get("dailyQuota").asInt()).isEqualTo(5);
        long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 86_401L);
        assertThat(json(over).get("resetsAt").asString()).startsWith(SharingFixtures.today().plusDays(1).toString())
            .endsWith("+08:00");
        assertThat(jdbc.sql("select count(*) from audit_entry where client_application_id = ? and outcome = 'DENIED' "
            + "and detail like '%quota-exceeded%'").param(client.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void narrowingAndRevokingTakeEffectOnTheNextCall() {
        assertThat(json(lookup(1)).get("record").propertyNames()).contains("qymc", "fddbr");
        HttpResponse<String> before = lookup(1);
        assertThat(json(before).get("record").get("qymc").asString()).isEqualTo("生命周期企业1");

        HttpApi reviewer = HttpApi.as(port, "scjg_reviewer");
        var narrowed = reviewer.post("/api/v1/sharing/grants/" + grantId + "/narrow", """
            {"items":["tyshxydm","qymc"],"masks":{"qymc":{"type":"MASK"}},"reason":"只保留名称且脱敏"}""");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        JsonNode after = json(lookup(1)).get("record");
        assertThat(after.propertyNames()).containsExactly("tyshxydm", "qymc");
        assertThat(after.get("qymc").asString()).isNotEqualTo("生命周期企业1").doesNotContain("生命周期");

        var revoked = reviewer.post("/api/v1/sharing/grants/" + grantId + "/revoke", "{\"reason\":\"业务终止\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> refused = lookup(1);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("code").asString()).isEqualTo("grant-revoked");
        assertThat(json(refused).get("grantNumber").asString()).isEqualTo(revoked.text("number"));
        assertThat(json(refused).get("detail").asString()).contains(revoked.text("number"), "撤销");
    }

    @Test
    void anExpiredGrantSaysSoWithTheDayItEnded() {
        LocalDate yesterday = SharingFixtures.today().minusDays(1);
        jdbc.sql("update sharing_grant set valid_from = ?, valid_until = ? where id = ?::uuid")
            .params(yesterday.minusDays(30), yesterday, grantId).update();
        HttpResponse<String> r = lookup(0);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("code").asString()).isEqualTo("grant-expired");
        assertThat(json(r).get("detail").asString()).contains(yesterday.toString());
    }
}
