package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govshare.exchange.UsageFixtures.CHECK;
import static org.govshare.exchange.UsageFixtures.QUOTA;
import static org.govshare.exchange.UsageFixtures.SURVEY;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.exchange.UsageFixtures.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * After real calls through the gateway (6 answered, 1 refused for the quota, 9 records), the provider
 * sees them by caller, purpose and day, the consumer sees the same and its use of the daily quota,
 * and the single calls listed are exactly the audit log's entries. Bad periods and filters are
 * 400/422 naming the field.
 */
@IntegrationTest
class DataServiceUsageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Usage usage;

    @BeforeEach
    void setUp() {
        usage = UsageFixtures.setUp(port, "用量统计接口");
    }

    @Test
    void theProviderSeesWhoCallsItsResourceWhyAndHowOften() {
        JsonNode r = HttpApi.as(port, "scjg_steward")
            .get("/api/v1/data-services/usage?side=provider&resource=" + usage.resource()).json();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(r.get("side").asString()).isEqualTo("PROVIDER");
        assertThat(r.get("from").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(r.get("to").asString()).isEqualTo(today.toString());
        assertThat(r.get("totals").get("calls").asLong()).isEqualTo(QUOTA);
        assertThat(r.get("totals").get("refused").asLong()).isEqualTo(1);
        assertThat(r.get("totals").get("records").asLong()).isEqualTo(9);

        JsonNode days = r.get("days");
        assertThat(days.size()).as("every day of the period, zeros included").isEqualTo(30);
        assertThat(days.get(29).get("day").asString()).isEqualTo(today.toString());
        assertThat(days.get(29).get("calls").asLong()).isEqualTo(QUOTA);
        assertThat(days.get(0).get("calls").asLong()).isZero();

        JsonNode callers = r.get("callers");
        assertThat(callers.size()).isEqualTo(1);
        assertThat(callers.get(0).get("clientId").asString()).isEqualTo(usage.client().id().toString());
        assertThat(callers.get(0).get("clientName").asString()).startsWith("用量统计接口");
        assertThat(callers.get(0).get("consumerName").asString()).contains("人力资源");
        assertThat(callers.get(0).get("calls").asLong()).isEqualTo(QUOTA);
        assertThat(callers.get(0).get("refused").asLong()).isEqualTo(1);

        List<String> purposes = new ArrayList<>();
        r.get("purposes").forEach(p -> purposes.add(p.get("purpose").asString() + "|" + p.get("calls").asLong() + "|"
            + p.get("refused").asLong() + "|" + p.get("records").asLong()));
        assertThat(purposes).containsExactly(CHECK + "|5|1|4", SURVEY + "|1|0|5");
        assertThat(r.get("resources").get(0).get("resourceCode").asString()).isEqualTo(usage.code());

        JsonNode lookups = HttpApi.as(port, "scjg_steward")
            .get("/api/v1/data-services/usage?side=provider&resource=" + usage.resource() + "&method=lookup").json();
        assertThat(lookups.get("totals").get("calls").asLong()).isEqualTo(4);
        assertThat(lookups.get("totals").get("records").asLong()).isEqualTo(3);
    }

    @Test
    void theConsumerSeesItsCallsAndTodaysUseAgainstTheDailyQuota() {
        HttpApi consumer = HttpApi.as(port, "rsj_steward");
        JsonNode r = consumer.get("/api/v1/data-services/usage?side=consumer&client=" + usage.client().id()).json();
        assertThat(r.get("totals").get("calls").asLong()).isEqualTo(QUOTA);
        assertThat(r.get("totals").get("refused").asLong()).isEqualTo(1);
        assertThat(r.get("resources").get(0).get("providerName").asString()).contains("市场监督");

        Response quotaResponse = consumer.get("/api/v1/data-services/usage/quotas");
        assertThat(quotaResponse.status()).as(quotaResponse.body()).isEqualTo(200);
        JsonNode quotas = quotaResponse.json();
        JsonNode mine = null;
        for (JsonNode q : quotas) {
            if (q.get("clientId").asString().equals(usage.client().id().toString())) {
                mine = q;
            }
        }
        assertThat(mine).as(quotas.toString()).isNotNull();
        assertThat(mine.get("grantNumber").asString()).isEqualTo(usage.grantNumber());
        assertThat(mine.get("resourceCode").asString()).isEqualTo(usage.code());
        assertThat(mine.get("dailyQuota").asInt()).isEqualTo(QUOTA);
        assertThat(mine.get("usedToday").asLong()).isEqualTo(QUOTA);
        assertThat(mine.get("validUntil").isNull()).isFalse();
    }

    @Test
    void theSingleCallsAreExactlyTheAuditLogsEntries() {
        Response page = HttpApi.as(port, "scjg_steward")
            .get("/api/v1/data-services/usage/calls?side=provider&resource=" + usage.resource() + "&size=50");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode calls = page.json();
        List<Long> audited = jdbc.sql("select seq from audit_entry where client_application_id = ? "
                + "and action like 'data.%' order by seq desc").param(usage.client().id()).query(Long.class).list();
        assertThat(audited).hasSize(QUOTA + 1);
        assertThat(calls.get("totalElements").asLong()).isEqualTo(QUOTA + 1);
        List<Long> listed = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        calls.get("items").forEach(c -> {
            listed.add(c.get("seq").asLong());
            shapes.add(c.get("method").asString() + "|" + c.get("purpose").asString() + "|" + c.get("outcome").asString()
                + "|" + (c.get("resultCount").isNull() ? "-" : c.get("resultCount").asString()));
        });
        assertThat(listed).isEqualTo(audited);
        assertThat(shapes).containsExactly(
            "lookup|" + CHECK + "|DENIED|-",
            "lookup|" + CHECK + "|SUCCESS|1",
            "verify|" + CHECK + "|SUCCESS|1",
            "query|" + SURVEY + "|SUCCESS|5",
            "lookup|" + CHECK + "|SUCCESS|0",
            "lookup|" + CHECK + "|SUCCESS|1",
            "lookup|" + CHECK + "|SUCCESS|1");
        assertThat(calls.get("items").get(0).get("clientName").asString()).startsWith("用量统计接口");

        JsonNode second = HttpApi.as(port, "scjg_steward").get("/api/v1/data-services/usage/calls?side=provider"
            + "&resource=" + usage.resource() + "&size=3&page=1").json();
        assertThat(second.get("items").get(0).get("seq").asLong()).isEqualTo(audited.get(3));
        assertThat(second.get("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void badPeriodsAndFiltersAreRefusedNamingTheField() {
        HttpApi api = HttpApi.as(port, "scjg_steward");
        String base = "/api/v1/data-services/usage?side=provider&";
        assertProblem(api.get(base + "from=2026-13-01"), 400, "usage-date-invalid", "from");
        assertProblem(api.get(base + "to=yesterday"), 400, "usage-date-invalid", "to");
        assertProblem(api.get(base + "from=2026-05-02&to=2026-05-01"), 422, "usage-period-reversed", "to");
        assertProblem(api.get(base + "from=2025-01-01&to=2026-01-02"), 422, "usage-period-too-long", "from");
        assertProblem(api.get(base + "method=delete"), 422, "usage-method-unknown", "method");
        assertProblem(api.get("/api/v1/data-services/usage?side=everyone"), 400, "invalid-value", "side");
        assertProblem(api.get(base + "resource=not-a-uuid"), 400, "invalid-value", "resource");
        assertProblem(api.get("/api/v1/data-services/usage/calls?size=0"), 422, "page-size-invalid", "size");
        assertProblem(api.get("/api/v1/data-services/usage/calls?page=-1"), 422, "usage-page-invalid", "page");

        Response zh = api.get(base + "from=2026-05-02&to=2026-05-01");
        assertThat(zh.json().get("detail").asString()).contains("截止日期 2026-05-01 早于起始日期 2026-05-02");
        Response en = HttpApi.as(port, "scjg_steward").inEnglish().get(base + "from=2025-01-01&to=2026-01-02");
        assertThat(en.json().get("detail").asString()).contains("at most 366 days");

        JsonNode year = api.get(base + "from=2025-01-02&to=2026-01-02").json();
        assertThat(year.get("days").size()).as("366 days is the longest period").isEqualTo(366);
    }

    private static void assertProblem(Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
    }
}
