package org.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.govshare.platform.ViolationsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Notices reach exactly the people of the addressed organization holding one of the roles, are
 * rendered in each reader's language, and are marked read one by one or all at once, through the
 * JSON API. Client applications have no inbox.
 */
@IntegrationTest
class NotificationInboxTest {

    @LocalServerPort
    int port;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    private UUID notify(Notice notice) {
        return CurrentActor.runAs(CurrentActor.system(), () -> notifications.notify(notice));
    }

    @Test
    void aNoticeReachesThePeopleOfItsRolesInTheirLanguage() {
        NotificationFixtures f = new NotificationFixtures(port);
        String reviewer = f.person("reviewer", null, "REVIEWER");
        String steward = f.person("steward", null, "DATA_STEWARD");
        String both = f.person("both", null, "DATA_STEWARD", "REVIEWER");
        NotificationFixtures other = new NotificationFixtures(port);
        String outsider = other.person("reviewer", null, "REVIEWER");

        UUID id = notify(new Notice(f.organizationId, Set.of(Roles.REVIEWER), "sharing.application.submitted",
            "test.notice.review", List.of("SQ-2026-0001"), "/sharing/applications/42", "sharing-application", "42",
            Map.of("applicationId", "42")));

        Response mine = f.as(reviewer).get("/api/v1/notifications");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        JsonNode item = mine.json().get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo(id.toString());
        assertThat(item.get("message").asString()).isEqualTo("请审核共享申请：SQ-2026-0001");
        assertThat(item.get("link").asString()).isEqualTo("/sharing/applications/42");
        assertThat(item.get("kind").asString()).isEqualTo("sharing.application.submitted");
        assertThat(item.get("read").asBoolean()).isFalse();
        assertThat(mine.json().get("totalElements").asLong()).isEqualTo(1);

        Response english = f.as(reviewer).inEnglish().get("/api/v1/notifications");
        assertThat(english.json().get("items").get(0).get("message").asString())
            .isEqualTo("Please review the sharing application: SQ-2026-0001");

        assertThat(f.as(reviewer).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
        assertThat(f.as(both).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
        assertThat(f.as(steward).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isZero();
        assertThat(f.as(steward).get("/api/v1/notifications").json().get("items")).isEmpty();
        assertThat(other.as(outsider).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isZero();

        // a notice without roles is for everyone of the organization
        notify(Notice.of(f.organizationId, Set.of(), "test.plain", "test.notice.plain", "/notifications"));
        assertThat(f.as(steward).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
        assertThat(f.as(reviewer).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(2);
    }

    @Test
    void readMarksArePerPersonAndOnlyForTheirOwnNotices() {
        NotificationFixtures f = new NotificationFixtures(port);
        String a = f.person("a", null, "REVIEWER");
        String b = f.person("b", null, "REVIEWER");
        NotificationFixtures other = new NotificationFixtures(port);
        String outsider = other.person("x", null, "REVIEWER");

        UUID first = notify(Notice.of(f.organizationId, Set.of(Roles.REVIEWER), "test.plain", "test.notice.plain", "/"));
        UUID second = notify(Notice.of(f.organizationId, Set.of(Roles.REVIEWER), "test.plain", "test.notice.review",
            "/", "SQ-2"));
        UUID third = notify(Notice.of(f.organizationId, Set.of(Roles.REVIEWER), "test.plain", "test.notice.review",
            "/", "SQ-3"));

        Response read = f.as(a).post("/api/v1/notifications/" + second + "/read", null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(f.as(a).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(2);
        assertThat(f.as(b).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(3);

        JsonNode unread = f.as(a).get("/api/v1/notifications?unread=true").json();
        assertThat(unread.get("items").findValuesAsString("id")).containsExactly(third.toString(), first.toString());
        JsonNode all = f.as(a).get("/api/v1/notifications?size=2&page=0").json();
        assertThat(all.get("totalElements").asLong()).isEqualTo(3);
        assertThat(all.get("totalPages").asInt()).isEqualTo(2);
        assertThat(all.get("items").findValuesAsString("id")).containsExactly(third.toString(), second.toString());

        // another organization's notice is not found, and nothing is marked
        Response foreign = other.as(outsider).post("/api/v1/notifications/" + first + "/read", null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from notification_read where notice_id = ?").param(first)
            .query(Long.class).single()).isZero();

        Response all2 = f.as(a).post("/api/v1/notifications/read-all", null);
        assertThat(all2.status()).isEqualTo(200);
        assertThat(all2.json().get("marked").asLong()).isEqualTo(2);
        assertThat(f.as(a).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isZero();
        assertThat(f.as(a).get("/api/v1/notifications?unread=true").json().get("items")).isEmpty();
        assertThat(f.as(b).get("/api/v1/notifications/unread-count").json().get("unread").asLong()).isEqualTo(3);

        // what comes after "read all" is unread again
        UUID fourth = notify(Notice.of(f.organizationId, Set.of(), "test.plain", "test.notice.plain", "/"));
        JsonNode after = f.as(a).get("/api/v1/notifications?unread=true").json();
        assertThat(after.get("items").findValuesAsString("id")).containsExactly(fourth.toString());
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        String docs = HttpApi.as(port, "admin").get("/v3/api-docs").body();
        assertThat(docs).contains("\"/api/v1/notifications\"", "/api/v1/notifications/unread-count",
            "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all", "/api/v1/notifications/webhooks",
            "/api/v1/notifications/webhooks/{id}/deliveries", "/api/v1/notifications/webhooks/{id}/secret");
    }

    @Test
    void clientApplicationsHaveNoInbox() {
        HttpApi admin = HttpApi.as(port, "scjg_admin");
        String org = admin.get("/api/v1/me").text("organizationId");
        Response app = admin.post("/api/v1/clients", """
            {"organizationId":"%s","name":"通知测试系统%d","description":"test"}
            """.formatted(org, System.nanoTime() % 1_000_000));
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        String key = admin.post("/api/v1/clients/" + app.text("id") + "/keys", null).text("apiKey");
        HttpApi client = HttpApi.withKey(port, key);
        assertThat(client.get("/api/v1/notifications").status()).isEqualTo(403);
        assertThat(client.get("/api/v1/notifications/unread-count").status()).isEqualTo(403);
        assertThat(client.post("/api/v1/notifications/read-all", null).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/notifications/webhooks").status()).isEqualTo(403);
    }

    @Test
    void aNoticeIsCheckedBeforeAnythingIsStored() {
        long before = jdbc.sql("select count(*) from notification_notice").query(Long.class).single();
        NotificationFixtures f = new NotificationFixtures(port);
        assertThatThrownBy(() -> notify(Notice.of(UUID.randomUUID(), Set.of(), "test.plain", "test.notice.plain", "/")))
            .isInstanceOfSatisfying(ViolationsException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field() + ":" + v.code()).containsExactly("organizationId:organization-unknown"));
        assertThatThrownBy(() -> notify(Notice.of(f.organizationId, Set.of("ROOT"), " ", "", "//evil.example/x")))
            .isInstanceOfSatisfying(ViolationsException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field() + ":" + v.code())
                .containsExactly("roles:notice-role-unknown", "kind:required", "messageKey:required",
                    "link:notice-link-format"));
        assertThatThrownBy(() -> notify(Notice.of(f.organizationId, Set.of(), "Bad Kind", "k", "https://x/")))
            .isInstanceOfSatisfying(ViolationsException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field() + ":" + v.code())
                .containsExactly("kind:notice-kind-format", "link:notice-link-format"));
        assertThat(jdbc.sql("select count(*) from notification_notice").query(Long.class).single()).isEqualTo(before);
    }
}
