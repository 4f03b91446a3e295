package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.exchange.UsageFixtures.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees which usage: the provider (scjg) calls to its own resources, the consumer (rsj) its own
 * clients' calls and quotas, a third department (gaj) neither, the authority and its auditor all;
 * another department's ids are 403 and the refusal is in the audit log; client keys get nothing.
 */
@IntegrationTest
class DataServiceUsageAccessTest {

    private static final String USAGE = "/api/v1/data-services/usage";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Usage usage;
    String scjg;
    String rsj;

    @BeforeEach
    void setUp() {
        usage = UsageFixtures.setUp(port, "用量权限");
        scjg = HttpApi.as(port, "scjg_steward").get("/api/v1/me").text("organizationId");
        rsj = HttpApi.as(port, "rsj_steward").get("/api/v1/me").text("organizationId");
    }

    private Response get(String user, String path) {
        return HttpApi.as(port, user).get(path);
    }

    private long calls(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("totals").get("calls").asLong();
    }

    @Test
    void theProviderSeesCallsToItsOwnResourcesOnly() {
        assertThat(calls(get("scjg_steward", USAGE + "?side=provider&resource=" + usage.resource())))
            .isEqualTo(UsageFixtures.QUOTA);
        assertThat(calls(get("scjg_reviewer", USAGE + "?resource=" + usage.resource())))
            .as("provider is the default side").isEqualTo(UsageFixtures.QUOTA);
        forbidden("scjg_steward", USAGE + "?side=consumer&organization=" + rsj, "organization");
        forbidden("scjg_steward", USAGE + "?side=all", "side");
        forbidden("scjg_steward", USAGE + "/quotas?organization=" + rsj, "organization");
        forbidden("scjg_steward", USAGE + "/calls?side=consumer&organization=" + rsj, "organization");
        forbidden("scjg_auditor", USAGE + "?side=all", "side");
    }

    @Test
    void theConsumerSeesItsOwnClientsCallsButNotTheProvidersView() {
        assertThat(calls(get("rsj_steward", USAGE + "?side=consumer&client=" + usage.client().id())))
            .isEqualTo(UsageFixtures.QUOTA);
        assertThat(get("rsj_steward", USAGE + "/calls?side=consumer&client=" + usage.client().id()).json()
            .get("totalElements").asLong()).isEqualTo(UsageFixtures.QUOTA + 1);
        forbidden("rsj_steward", USAGE + "?side=provider&organization=" + scjg, "organization");
        forbidden("rsj_steward", USAGE + "?side=provider&resource=" + usage.resource(), "resource");
        Client theirs = ExchangeFixtures.client(port, "scjg_admin", "监管自有系统");
        forbidden("rsj_steward", USAGE + "?side=consumer&client=" + theirs.id(), "client");
        forbidden("rsj_steward", USAGE + "?side=consumer&consumer=" + scjg, "consumer");
    }

    @Test
    void aThirdDepartmentSeesNothingOfEitherAndItsAttemptsAreAudited() {
        assertThat(calls(get("gaj_steward", USAGE + "?side=consumer&resource=" + usage.resource())))
            .as("unknown to gaj's own side").isZero();
        forbidden("gaj_steward", USAGE + "?side=provider&organization=" + scjg, "organization");
        forbidden("gaj_steward", USAGE + "?side=provider&resource=" + usage.resource(), "resource");
        forbidden("gaj_steward", USAGE + "/calls?side=provider&resource=" + usage.resource(), "resource");
        forbidden("gaj_steward", USAGE + "?side=consumer&client=" + usage.client().id(), "client");
        forbidden("gaj_steward", USAGE + "/quotas?organization=" + rsj, "organization");
        Response denied = get("gaj_steward", USAGE + "?side=all");
        assertThat(denied.status()).isEqualTo(403);
        String requestId = denied.json().get("requestId").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from audit_entry "
                + "where action = 'security.access.denied' and actor_name = 'gaj_steward' and request_id = ?")
            .param(requestId).query(Long.class).single() == 1);
    }

    @Test
    void theAuthorityAndItsAuditorSeeEveryDepartment() {
        for (String user : new String[] {"admin", "auditor"}) {
            assertThat(calls(get(user, USAGE + "?side=all&resource=" + usage.resource())))
                .as(user).isEqualTo(UsageFixtures.QUOTA);
            assertThat(calls(get(user, USAGE + "?side=provider&organization=" + scjg + "&resource=" + usage.resource())))
                .as(user).isEqualTo(UsageFixtures.QUOTA);
            Response quotas = get(user, USAGE + "/quotas?organization=" + rsj);
            assertThat(quotas.status()).as(quotas.body()).isEqualTo(200);
            assertThat(quotas.body()).contains(usage.grantNumber());
        }
        assertThat(get("admin", USAGE).json().get("side").asString()).as("all is the authority's default")
            .isEqualTo("ALL");
    }

    @Test
    void clientApplicationsCannotReadUsageWithTheirKey() {
        Response r = HttpApi.withKey(port, usage.client().key()).get(USAGE + "?side=consumer");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(HttpApi.withKey(port, usage.client().key()).get(USAGE + "/quotas").status()).isEqualTo(403);
    }

    private void forbidden(String user, String path, String field) {
        Response r = get(user, path);
        assertThat(r.status()).as(user + " " + path + ": " + r.body()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("forbidden");
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
        assertThat(r.body()).doesNotContain(usage.code());
    }
}
