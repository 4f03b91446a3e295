package org.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A provider's published resource with items of all three share types, and the demo's client systems. */
public final class SharingFixtures {

    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 100000);

    /** tyshxydm (key) and qymc unconditional, xzqh unconditional, fddbr conditional and sensitive, nsxx not shared. */
    static final String ITEMS = """
        {"name":"统一社会信用代码","codeName":"tyshxydm","dataType":"STRING","length":18,"key":true},
        {"name":"企业名称","codeName":"qymc","dataType":"STRING","length":100},
        {"name":"行政区划","codeName":"xzqh","dataType":"STRING","length":12},
        {"name":"法定代表人","codeName":"fddbr","dataType":"STRING","length":50,"sensitivity":"SENSITIVE",
         "shareType":"CONDITIONAL","shareCondition":"仅用于企业登记与社保业务核验"},
        {"name":"纳税信息","codeName":"nsxx","dataType":"STRING","length":200,"shareType":"NOT_SHARED",
         "legalBasis":"《中华人民共和国税收征收管理法》第八条"}
        """;

    private SharingFixtures() {
    }

    /** Registers, submits and approves a resource of the steward's department; returns its id. */
    public static UUID published(int port, String steward) {
        String body = """
            {"classificationCode":"303001","name":"共享测试企业信息%d","summary":"共享申请测试","format":"DATABASE",
             "shareType":"UNCONDITIONAL","openType":"NOT_OPEN","updateCycle":"MONTHLY","dataItems":[%s]}
            """.formatted(N.incrementAndGet(), ITEMS);
        Response r = HttpApi.as(port, steward).post("/api/v1/catalog/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.text("id");
        assertThat(HttpApi.as(port, steward).post("/api/v1/catalog/resources/" + id + "/submission", null).status())
            .isEqualTo(200);
        Response approved = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(approved.text("status")).as(approved.body()).isEqualTo("PUBLISHED");
        return UUID.fromString(id);
    }

    public static UUID client(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from client_application where name = ?").param(name).query(UUID.class).single();
    }

    public static UUID organizationOf(JdbcClient jdbc, String username) {
        return jdbc.sql("select organization_id from app_user where username = ?").param(username).query(UUID.class)
            .single();
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The purpose of {@link #draft}, without other call purposes also its only one. */
    public static final String PURPOSE = "社保登记时核验参保单位信息";

    /**
     * An application body; items as a JSON array text such as {@code ["qymc"]}; the call purposes
     * its client will name (none: {@link #PURPOSE} alone).
     */
    public static String draft(UUID resource, String items, UUID client, String... purposes) {
        String listed = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(List.of(purposes));
        return """
            {"resourceId":"%s","items":%s,"clientApplicationId":"%s","purpose":"%s","purposes":%s,
             "basis":"《社会保险法》第五十七条","scenario":"参保单位登记与变更","validFrom":"%s","validUntil":"%s",
             "expectedDailyCalls":5000}
            """.formatted(resource, items, client, PURPOSE, listed, today(), today().plusYears(1));
    }
}
