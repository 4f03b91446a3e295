package org.govshare.directory;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.platform.CreditCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DirectoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static int counter = (int) (System.nanoTime() % 100000);

    static String freshCreditCode() {
        return CreditCode.withCheckDigit(String.format("12510112MB%07d", 5_000_000 + counter++));
    }

    private String orgId(String username) {
        return HttpApi.as(port, username).get("/api/v1/me").text("organizationId");
    }

    private String orgJson(String name, String creditCode, String type) {
        return """
            {"name":"%s","type":"%s","creditCode":"%s","contactName":"测试","contactPhone":"028-84851234"}
            """.formatted(name, type, creditCode);
    }

    @Test
    void platformAdminRegistersAnOrganizationWithAValidCreditCode() {
        String code = freshCreditCode();
        Response r = HttpApi.as(port, "admin").post("/api/v1/organizations", orgJson("龙泉驿区测试中心" + code, code, "INSTITUTION"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("creditCode")).isEqualTo(code);
        assertThat(r.text("areaCode")).isEqualTo("510112");
    }

    @Test
    void invalidCreditCodeIsRefusedNamingTheFieldAndRuleInTheCallersLanguage() {
        String bad = freshCreditCode();
        bad = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        Response zh = HttpApi.as(port, "admin").post("/api/v1/organizations", orgJson("校验位错误单位", bad, "DEPARTMENT"));
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.contentType()).startsWith("application/problem+json");
        assertThat(zh.text("field")).isEqualTo("creditCode");
        assertThat(zh.text("code")).isEqualTo("credit-code-checkDigit");
        assertThat(zh.text("detail")).contains("校验位");

        Response en = HttpApi.as(port, "admin").inEnglish().post("/api/v1/organizations", orgJson("Bad check", bad, "DEPARTMENT"));
        assertThat(en.text("detail")).contains("check character");
        assertThat(jdbc.sql("select count(*) from organization where credit_code = ?").param(bad).query(Long.class).single())
            .isZero();
    }

    @Test
    void duplicateOrganizationIsRefusedAndNothingIsWritten() {
        String code = freshCreditCode();
        HttpApi admin = HttpApi.as(port, "admin");
        assertThat(admin.post("/api/v1/organizations", orgJson("重复测试单位" + code, code, "INSTITUTION")).status()).isEqualTo(201);
        Response sameCode = admin.post("/api/v1/organizations", orgJson("另一个名字" + code, code, "INSTITUTION"));
        assertThat(sameCode.status()).isEqualTo(422);
        assertThat(sameCode.text("field")).isEqualTo("creditCode");
        assertThat(sameCode.text("code")).isEqualTo("duplicate-credit-code");
        Response sameName = admin.post("/api/v1/organizations", orgJson("重复测试单位" + code, freshCreditCode(), "INSTITUTION"));
        assertThat(sameName.text("code")).isEqualTo("duplicate-name");
        assertThat(jdbc.sql("select count(*) from organization where name like ?").param("%" + code).query(Long.class).single())
            .isEqualTo(1);
    }

    @Test
    void unknownEnumValuesAndMalformedJsonAreBadRequestsNamingTheField() {
        HttpApi admin = HttpApi.as(port, "admin");
        Response type = admin.post("/api/v1/organizations", orgJson("x", freshCreditCode(), "MINISTRY"));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.text("code")).isEqualTo("invalid-value");
        assertThat(type.text("field")).isEqualTo("type");
        assertThat(type.text("detail")).contains("AUTHORITY");

        String org = orgId("scjg_admin");
        Response role = HttpApi.as(port, "scjg_admin").post("/api/v1/users", """
            {"username":"someone","displayName":"某人","organizationId":"%s","password":"Abcdefgh12","roles":["SUPERUSER"]}
            """.formatted(org));
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.text("field")).isEqualTo("roles[0]");

        Response broken = admin.post("/api/v1/organizations", "{\"name\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("code")).isEqualTo("malformed-json");
    }

    @Test
    void beanValidationErrorsListEveryField() {
        Response r = HttpApi.as(port, "admin").post("/api/v1/organizations", "{\"name\":\"\",\"creditCode\":\"\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("code")).isEqualTo("validation-failed");
        assertThat(r.json().get("errors").findValuesAsString("field")).contains("name", "creditCode", "type");
    }

    @Test
    void orgAdminManagesOnlyOwnUsersAndIsRefusedElsewhere() {
        String scjg = orgId("scjg_admin");
        String rsj = orgId("rsj_admin");
        HttpApi scjgAdmin = HttpApi.as(port, "scjg_admin");
        String username = "scjg_t" + counter++;
        Response created = scjgAdmin.post("/api/v1/users", """
            {"username":"%s","displayName":"测试专员","organizationId":"%s","password":"Longquan2026","roles":["DATA_STEWARD"]}
            """.formatted(username, scjg));
        assertThat(created.status()).isEqualTo(201);

        assertThat(scjgAdmin.get("/api/v1/organizations/" + rsj + "/users").status()).isEqualTo(403);
        Response intoOther = scjgAdmin.post("/api/v1/users", """
            {"username":"intruder%d","displayName":"越权","organizationId":"%s","password":"Longquan2026","roles":["ORG_ADMIN"]}
            """.formatted(counter++, rsj));
        assertThat(intoOther.status()).isEqualTo(403);
        assertThat(intoOther.text("code")).isEqualTo("forbidden");

        String rsjUser = HttpApi.as(port, "rsj_admin").get("/api/v1/organizations/" + rsj + "/users").json()
            .get("items").get(0).get("id").asString();
        assertThat(scjgAdmin.get("/api/v1/users/" + rsjUser).status()).isEqualTo(403);
        assertThat(scjgAdmin.post("/api/v1/users/" + rsjUser + "/password", "{\"password\":\"Hijack12345\"}").status())
            .isEqualTo(403);
        assertThat(scjgAdmin.get("/api/v1/users").status()).as("only platform admins list all users").isEqualTo(403);
    }

    @Test
    void directoryChangesAndCrossDepartmentAttemptsLandInTheAuditLog() {
        String scjg = orgId("scjg_admin");
        String rsj = orgId("rsj_admin");
        HttpApi scjgAdmin = HttpApi.as(port, "scjg_admin");
        String username = "audited" + counter++;
        String userId = scjgAdmin.post("/api/v1/users", """
            {"username":"%s","displayName":"审计可见","organizationId":"%s","password":"Longquan2026","roles":["REVIEWER"]}
            """.formatted(username, scjg)).text("id");
        Response denied = scjgAdmin.get("/api/v1/organizations/" + rsj + "/users");
        assertThat(denied.status()).isEqualTo(403);
        String requestId = denied.text("requestId");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(jdbc.sql("""
                    select count(*) from audit_entry where action = 'directory.user.created' and target_id = ?
                    and actor_name = 'scjg_admin' and target_organization_id = ?::uuid and outcome = 'SUCCESS'
                    """).param(userId).param(scjg).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    select count(*) from audit_entry where action = 'security.access.denied' and request_id = ?
                    and actor_name = 'scjg_admin' and outcome = 'DENIED' and target_id like ?
                    """).param(requestId).param("GET /api/v1/organizations/" + rsj + "/users").query(Long.class).single())
                .isEqualTo(1);
        });
    }

    @Test
    void onlyPlatformAdminsGrantPlatformAdminAndOnlyInsideTheAuthority() {
        String scjg = orgId("scjg_admin");
        Response byOrgAdmin = HttpApi.as(port, "scjg_admin").post("/api/v1/users", """
            {"username":"escalate%d","displayName":"提权","organizationId":"%s","password":"Longquan2026","roles":["PLATFORM_ADMIN"]}
            """.formatted(counter++, scjg));
        assertThat(byOrgAdmin.status()).isEqualTo(403);
        Response outsideAuthority = HttpApi.as(port, "admin").post("/api/v1/users", """
            {"username":"outside%d","displayName":"外部","organizationId":"%s","password":"Longquan2026","roles":["PLATFORM_ADMIN"]}
            """.formatted(counter++, scjg));
        assertThat(outsideAuthority.status()).isEqualTo(422);
        assertThat(outsideAuthority.text("code")).isEqualTo("platform-admin-outside-authority");
    }

    @Test
    void weakPasswordsAndDuplicateUsernamesAreRefused() {
        String scjg = orgId("scjg_admin");
        HttpApi a = HttpApi.as(port, "scjg_admin");
        Response weak = a.post("/api/v1/users", """
            {"username":"weak%d","displayName":"弱","organizationId":"%s","password":"abcdefghijk","roles":["AUDITOR"]}
            """.formatted(counter++, scjg));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.text("field")).isEqualTo("password");
        Response duplicate = a.post("/api/v1/users", """
            {"username":"scjg_steward","displayName":"重名","organizationId":"%s","password":"Longquan2026","roles":["AUDITOR"]}
            """.formatted(scjg));
        assertThat(duplicate.text("code")).isEqualTo("duplicate-username");
    }

    @Test
    void staleVersionsConflictInsteadOfOverwriting() {
        String rsj = orgId("rsj_admin");
        HttpApi a = HttpApi.as(port, "rsj_admin");
        Response org = a.get("/api/v1/organizations/" + rsj);
        String body = """
            {"name":"%s","type":"DEPARTMENT","creditCode":"%s","contactName":"第一位","contactPhone":"028-84850001"}
            """.formatted(org.text("name"), org.text("creditCode"));
        Response first = a.put("/api/v1/organizations/" + rsj, org.etag(), body);
        assertThat(first.status()).isEqualTo(200);
        Response second = a.put("/api/v1/organizations/" + rsj, org.etag(), body.replace("第一位", "第二位"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("stale-version");
        assertThat(a.get("/api/v1/organizations/" + rsj).text("contactName")).isEqualTo("第一位");
    }

    @Test
    void updatesWithoutAVersionAreRefusedNotGuessed() {
        String rsj = orgId("rsj_admin");
        Response r = HttpApi.as(port, "rsj_admin").put("/api/v1/organizations/" + rsj, null, "{}");
        assertThat(r.status()).isEqualTo(428);
        assertThat(r.text("code")).isEqualTo("if-match-required");
        assertThat(r.text("field")).isEqualTo("If-Match");
    }

    @Test
    void oversizedAndWronglyEncodedBodiesAreRefusedBeforeAnythingHappens() {
        HttpApi admin = HttpApi.as(port, "admin");
        Response huge = admin.post("/api/v1/organizations",
            "{\"name\":\"" + "龙".repeat(400_000) + "\",\"type\":\"DEPARTMENT\",\"creditCode\":\"x\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.text("code")).isEqualTo("payload-too-large");
        Response latin1 = admin.postBytes("/api/v1/organizations",
            "{\"name\":\"Caf\u00e9\",\"type\":\"DEPARTMENT\",\"creditCode\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.text("code")).isEqualTo("malformed-json");
    }

    @Test
    void orgAdminCannotChangeTheirCreditCode() {
        String rsj = orgId("rsj_admin");
        HttpApi a = HttpApi.as(port, "rsj_admin");
        Response org = a.get("/api/v1/organizations/" + rsj);
        Response r = a.put("/api/v1/organizations/" + rsj, org.etag(), """
            {"name":"%s","type":"DEPARTMENT","creditCode":"%s"}
            """.formatted(org.text("name"), freshCreditCode()));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void apiKeysAreShownOnceHashedAtRestRotatableAndRevocable() {
        String scjg = orgId("scjg_admin");
        HttpApi admin = HttpApi.as(port, "scjg_admin");
        Response app = admin.post("/api/v1/clients", """
            {"organizationId":"%s","name":"许可审批系统%d","description":"test"}
            """.formatted(scjg, counter++));
        assertThat(app.status()).isEqualTo(201);
        String appId = app.text("id");

        Response issued = admin.post("/api/v1/clients/" + appId + "/keys", null);
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.text("apiKey");
        assertThat(key).startsWith("gsk_");
        String stored = jdbc.sql("select secret_hash from api_key where prefix = ?").param(issued.text("prefix"))
            .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(key.substring(15));
        assertThat(admin.get("/api/v1/clients/" + appId).body()).doesNotContain(key);

        Response me = HttpApi.withKey(port, key).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("clientApplicationId")).isEqualTo(appId);
        assertThat(me.text("organizationId")).isEqualTo(scjg);

        String rotated = admin.post("/api/v1/clients/" + appId + "/keys/rotation", null).text("apiKey");
        assertThat(HttpApi.withKey(port, key).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(HttpApi.withKey(port, rotated).get("/api/v1/me").status()).isEqualTo(200);

        String prefix = rotated.substring(4, 14);
        assertThat(admin.delete("/api/v1/clients/" + appId + "/keys/" + prefix).status()).isEqualTo(200);
        Response revoked = HttpApi.withKey(port, rotated).get("/api/v1/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text("code")).isEqualTo("unauthenticated");
    }

    @Test
    void clientApplicationsCannotManageTheDirectory() {
        String scjg = orgId("scjg_admin");
        HttpApi admin = HttpApi.as(port, "scjg_admin");
        String appId = admin.post("/api/v1/clients", """
            {"organizationId":"%s","name":"只读系统%d"}
            """.formatted(scjg, counter++)).text("id");
        String key = admin.post("/api/v1/clients/" + appId + "/keys", null).text("apiKey");
        HttpApi client = HttpApi.withKey(port, key);
        assertThat(client.post("/api/v1/clients/" + appId + "/keys", null).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/organizations/" + scjg + "/users").status()).isEqualTo(403);
    }

    @Test
    void garbageKeysAndMissingCredentialsAre401ProblemJson() {
        assertThat(HttpApi.withKey(port, "gsk_nonsense").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(HttpApi.withKey(port, "' or 1=1 --").get("/api/v1/me").status()).isEqualTo(401);
        Response anonymous = HttpApi.anonymous(port).get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownIdsAre404NotLeaks() {
        Response r = HttpApi.as(port, "admin").get("/api/v1/users/" + UUID.randomUUID());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("code")).isEqualTo("not-found");
        Response badUuid = HttpApi.as(port, "admin").get("/api/v1/users/not-a-uuid");
        assertThat(badUuid.status()).isEqualTo(400);
        assertThat(badUuid.text("field")).isEqualTo("id");
    }
}
