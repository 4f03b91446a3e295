package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.govshare.ConsoleSession;
import org.govshare.ConsoleSession.Page;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.govshare.exchange.UsageFixtures.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 数据服务 console pages as a browser session gets them: the provider's "谁在调用我的资源" with the
 * consumer's client, purposes, chart data and the audited calls; the consumer's "我的调用与配额" with
 * today's use against the quota; the dashboard tiles; bad filters next to the form; another
 * department's page refused.
 */
@IntegrationTest
class DataServiceUsageConsoleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Usage usage;

    @BeforeEach
    void setUp() {
        usage = UsageFixtures.setUp(port, "用量控制台");
    }

    @Test
    void theProviderSeesWhoCallsItsResourceWhyHowOftenAndEachCall() {
        ConsoleSession provider = new ConsoleSession(port, "scjg_steward");
        Page page = provider.get("/data-services/usage?resource=" + usage.resource());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("谁在调用我的资源", "id=\"nav-data-services-usage\"", "用量控制台",
            "成都市龙泉驿区人力资源和社会保障局", UsageFixtures.CHECK, UsageFixtures.SURVEY, "id=\"total-calls\">6<",
            "id=\"total-refused\">1<", "id=\"total-records\">9<",
            "data-chart-src=\"/data-services/usage/chart?side=provider&amp;resource=" + usage.resource());
        assertThat(page.body().split("class=\"call-row\"", -1)).as("7 audited calls").hasSize(8);
        assertThat(page.body()).contains("按主键查询", "条件查询", "核验", "拒绝");

        JsonNode chart = JSON.readTree(provider.get("/data-services/usage/chart?side=provider&resource="
            + usage.resource()).body());
        assertThat(chart.get("categories").size()).isEqualTo(30);
        assertThat(chart.get("series").get(0).get("name").asString()).isEqualTo("调用次数");
        assertThat(chart.get("series").get(0).get("data").get(29).asLong()).isEqualTo(UsageFixtures.QUOTA);
        assertThat(chart.get("series").get(1).get("data").get(29).asLong()).isEqualTo(1);

        Page home = provider.get("/");
        assertThat(home.body()).contains("今日调用本单位资源次数", "data-chart-src=\"/data-services/usage/chart?side=provider\"");
    }

    @Test
    void theConsumerSeesTodaysCallsAgainstTheDailyQuota() {
        ConsoleSession consumer = new ConsoleSession(port, "rsj_steward");
        Page page = consumer.get("/data-services/quota");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("我的调用与配额", usage.grantNumber(), "今日 6 次 / 限额 6 次", "接近限额",
            "data-used=\"6\"", "aria-valuenow=\"100\"", "id=\"quota-chart\"");
        Page english = consumer.get("/data-services/quota?lang=en");
        assertThat(english.body()).contains("My calls and quotas", "6 calls today of 6");
        consumer.get("/data-services/quota?lang=zh-CN");

        Page home = consumer.get("/");
        assertThat(home.body()).contains("本单位应用系统今日调用次数", "接近每日限额的授权");
    }

    @Test
    void badFiltersAreShownNextToTheFormAndOtherDepartmentsAreRefused() {
        ConsoleSession provider = new ConsoleSession(port, "scjg_steward");
        Page reversed = provider.get("/data-services/usage?from=2026-05-02&to=2026-05-01");
        assertThat(reversed.status()).isEqualTo(200);
        assertThat(reversed.body()).contains("id=\"form-errors\"", "截止日期 2026-05-01 早于起始日期 2026-05-02");
        Page badDate = provider.get("/data-services/usage?from=2026-02-30");
        assertThat(badDate.body()).contains("不是有效日期");

        String rsj = HttpApi.as(port, "rsj_steward").get("/api/v1/me").text("organizationId");
        assertThat(provider.get("/data-services/usage?side=consumer&organization=" + rsj).status()).isEqualTo(403);
        assertThat(provider.get("/data-services/quota?organization=" + rsj).status()).isEqualTo(403);
        assertThat(new ConsoleSession(port, "gaj_steward").get("/data-services/usage?resource=" + usage.resource())
            .status()).isEqualTo(403);

        Page all = new ConsoleSession(port, "admin").get("/data-services/usage?side=all&resource=" + usage.resource());
        assertThat(all.body()).contains("全区数据服务调用", "用量控制台", "id=\"total-calls\">6<");
    }
}
