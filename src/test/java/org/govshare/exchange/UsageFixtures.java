package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.govshare.exchange.ExchangeFixtures.call;
import static org.govshare.exchange.ExchangeFixtures.creditCode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.sharing.SharingFixtures;

/**
 * A fresh provider resource (scjg) with records, a consumer client (rsj) under a grant with a daily
 * quota of 6, and a known mix of real calls through the gateway: 6 answered (4 lookups and a
 * verification for {@link #CHECK}, a query for {@link #SURVEY}) and one refused for the quota, 9
 * records returned in all. Waits until the meter has flushed them.
 */
public final class UsageFixtures {

    public static final String CHECK = "社保登记核验参保单位";
    public static final String SURVEY = "就业形势分析抽样";
    public static final int QUOTA = 6;

    private UsageFixtures() {
    }

    /** What was set up. */
    public record Usage(UUID resource, String code, Client client, String grantId, String grantNumber) {
    }

    public static Usage setUp(int port, String clientName) {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        String code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        List<String> inside = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            String area = i <= 8 ? "510112" : "510104";
            String key = creditCode(area, 700 + i);
            inside.add(key);
            rows.append(i == 1 ? "" : ",").append("""
                {"tyshxydm":"%s","qymc":"调用统计测试企业%02d有限公司","xzqh":"%s%03d","fddbr":"法人%02d号","nsxx":"A"}
                """.formatted(key, i, area, i, i));
        }
        ExchangeFixtures.push(port, resource, "usage-" + UUID.randomUUID(), rows.toString());
        Client client = ExchangeFixtures.client(port, "rsj_admin", clientName);
        String grantId = ExchangeFixtures.grant(port, resource, client, "[\"tyshxydm\", \"qymc\", \"xzqh\", \"fddbr\"]", """
            {"items":["tyshxydm","qymc","xzqh","fddbr"],"dailyQuota":%d,
             "rowScope":[{"item":"xzqh","op":"PREFIX","values":["510112"]}],"comment":"限龙泉驿区"}
            """.formatted(QUOTA), CHECK, SURVEY);
        String grantNumber = HttpApi.as(port, "rsj_steward").get("/api/v1/sharing/grants/" + grantId).text("number");

        String records = "/api/v1/data/" + code + "/records";
        expect(200, call(port, client.key(), CHECK, "GET", records + "/" + inside.get(0), null));
        expect(200, call(port, client.key(), CHECK, "GET", records + "/" + inside.get(1), null));
        expect(404, call(port, client.key(), CHECK, "GET", records + "/" + inside.get(10), null));
        expect(200, call(port, client.key(), SURVEY, "GET", records + "?xzqh.prefix=510112&size=5", null));
        expect(200, call(port, client.key(), CHECK, "POST", "/api/v1/data/" + code + "/verifications",
            "{\"values\":{\"tyshxydm\":\"%s\",\"fddbr\":\"法人03号\"}}".formatted(inside.get(2))));
        expect(200, call(port, client.key(), CHECK, "GET", records + "/" + inside.get(3), null));
        expect(429, call(port, client.key(), CHECK, "GET", records + "/" + inside.get(4), null));

        HttpApi provider = HttpApi.as(port, "scjg_steward");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            HttpApi.Response r = provider.get("/api/v1/data-services/usage?side=provider&resource=" + resource);
            return r.status() == 200 && r.json().get("totals").get("calls").asLong() == QUOTA
                && r.json().get("totals").get("refused").asLong() == 1;
        });
        return new Usage(resource, code, client, grantId, grantNumber);
    }

    private static void expect(int status, HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    }
}
