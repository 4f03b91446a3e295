package org.govshare.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live deadlines: the sweep reminds once before the due date and escalates once after it (counted
 * against the provider for a review stage); a new resource version flags the resource's grants.
 */
@IntegrationTest
class SharingDeadlinesTest {

    private static final String APPS = "/api/v1/sharing/applications";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineSweep sweep;

    private String reviewing(UUID resource) {
        UUID client = SharingFixtures.client(jdbc, "社会保险经办系统");
        Response r = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"fddbr\"]", client));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(HttpApi.as(port, "admin").post(APPS + "/" + r.text("id") + "/precheck", "{\"passed\":true}")
            .text("state")).isEqualTo("REVIEW");
        return r.text("id");
    }

    private void setDeadline(String id, String sql) {
        jdbc.sql("update sharing_application set deadline = " + sql + " where id = ?::uuid").param(id).update();
    }

    private long audited(String action, String number) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and target_id = ?").params(action, number)
            .query(Long.class).single();
    }

    @Test
    void aReviewPastItsDeadlineIsEscalatedOnceAndCountsAgainstTheProvider() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        UUID scjg = SharingFixtures.organizationOf(jdbc, "scjg_reviewer");
        long before = overdueOf(scjg);
        String id = reviewing(resource);
        setDeadline(id, "now() - interval '1 minute'");
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(sweep.sweep()).as("escalated once per stage").isZero();
        Response view = HttpApi.as(port, "rsj_steward").get(APPS + "/" + id);
        assertThat(view.text("state")).isEqualTo("REVIEW");
        assertThat(view.json().get("overdue").asBoolean()).isTrue();
        assertThat(view.json().get("workingDaysLeft").asInt()).isNegative();
        assertThat(jdbc.sql("select detail ->> 'stage' from sharing_application_step where application_id = ?::uuid "
            + "and action = 'overdue'").param(id).query(String.class).list()).containsExactly("REVIEW");
        // the authority's overdue list has it; a department cannot list everyone's
        Response overdue = HttpApi.as(port, "admin").get(APPS + "?side=ALL&overdue=true&q=" + view.text("number"));
        assertThat(overdue.json().get("totalElements").asLong()).isEqualTo(1);
        assertThat(HttpApi.as(port, "rsj_admin").get(APPS + "?side=ALL").status()).isEqualTo(403);
        assertThat(overdueOf(scjg)).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("sharing.application.overdue", view.text("number")) == 1);
        // the provider can still decide, and then the application is no longer overdue
        assertThat(HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/approve", "{}").text("state"))
            .isEqualTo("APPROVED");
        assertThat(HttpApi.as(port, "admin").get(APPS + "?side=ALL&overdue=true&q=" + view.text("number")).json()
            .get("totalElements").asLong()).isZero();
    }

    @Test
    void whoeverMustActIsRemindedOnceWhenTheDueDateIsNear() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        String id = reviewing(resource);
        // due at the end of today (Beijing): nothing left to spare
        setDeadline(id, "(date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '1 day') at time zone 'Asia/Shanghai'");
        sweep.sweep();
        sweep.sweep();
        assertThat(jdbc.sql("select reminded from sharing_application where id = ?::uuid").param(id)
            .query(Boolean.class).single()).isTrue();
        String number = HttpApi.as(port, "rsj_steward").get(APPS + "/" + id).text("number");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("sharing.application.deadline-approaching", number) == 1);
        assertThat(HttpApi.as(port, "rsj_steward").get(APPS + "/" + id).json().get("overdue").asBoolean()).isFalse();
    }

    @Test
    void aNewVersionOfTheResourceFlagsItsGrantsForTheProvidersReview() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        UUID client = SharingFixtures.client(jdbc, "社会保险经办系统");
        Response applied = HttpApi.as(port, "rsj_steward").post(APPS,
            SharingFixtures.draft(resource, "[\"qymc\"]", client));
        String grant = "/api/v1/sharing/grants/" + applied.text("grantId");
        assertThat(HttpApi.as(port, "rsj_steward").get(grant).json().get("reviewNeeded").asBoolean()).isFalse();
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        assertThat(steward.post("/api/v1/catalog/resources/" + resource + "/change", null).status()).isEqualTo(200);
        Response submitted = steward.post("/api/v1/catalog/resources/" + resource + "/submission", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + resource + "/approval", "{}")
            .text("status")).isEqualTo("PUBLISHED");
        await().atMost(Duration.ofSeconds(10)).until(() ->
            HttpApi.as(port, "rsj_steward").get(grant).json().get("reviewNeeded").asBoolean());
        assertThat(HttpApi.as(port, "rsj_steward").get(grant).text("reviewReason")).isEqualTo("resource-version:2");
        // the consumer cannot clear the flag; the provider's reviewer confirms against version 2
        assertThat(HttpApi.as(port, "rsj_steward").post(grant + "/review-confirmation", "{}").status()).isEqualTo(403);
        Response confirmed = HttpApi.as(port, "scjg_reviewer").post(grant + "/review-confirmation",
            "{\"comment\":\"信息项未变\"}");
        assertThat(confirmed.json().get("reviewNeeded").asBoolean()).isFalse();
        assertThat(confirmed.json().get("resourceVersion").asInt()).isEqualTo(2);
    }

    @Test
    void theConsumerIsToldOnceThatAGrantEndsSoon() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        UUID client = SharingFixtures.client(jdbc, "社会保险经办系统");
        String body = SharingFixtures.draft(resource, "[\"qymc\"]", client)
            .replace(SharingFixtures.today().plusYears(1).toString(), SharingFixtures.today().plusDays(3).toString());
        Response applied = HttpApi.as(port, "rsj_steward").post(APPS, body);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String grantId = applied.text("grantId");
        sweep.sweep();
        sweep.sweep();
        assertThat(jdbc.sql("select expiry_reminded from sharing_grant where id = ?::uuid").param(grantId)
            .query(Boolean.class).single()).isTrue();
        String number = HttpApi.as(port, "rsj_steward").get("/api/v1/sharing/grants/" + grantId).text("number");
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("sharing.grant.expiring", number) == 1);
        // a renewal starts a new end date, to be told about again in its time
        HttpApi.as(port, "scjg_reviewer").post("/api/v1/sharing/grants/" + grantId + "/renew",
            "{\"validUntil\":\"" + SharingFixtures.today().plusMonths(6) + "\",\"reason\":\"继续使用\"}");
        assertThat(jdbc.sql("select expiry_reminded from sharing_grant where id = ?::uuid").param(grantId)
            .query(Boolean.class).single()).isFalse();
    }

    private long overdueOf(UUID provider) {
        Response r = HttpApi.as(port, "admin").get("/api/v1/sharing/overdue-by-provider");
        for (var row : r.json()) {
            if (row.get("providerId").asString().equals(provider.toString())) {
                return row.get("overdueReviews").asLong();
            }
        }
        return 0;
    }
}
