package org.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Whoever must act next is told, in their language, with a link to the application: the
 * authority for the pre-check, the provider's reviewers for the review, the consumer for the
 * decision; a third department hears nothing.
 */
@IntegrationTest
class SharingNoticesTest {

    private static final String APPS = "/api/v1/sharing/applications";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private List<String> messagesAbout(String user, String applicationId) {
        Response r = HttpApi.as(port, user).get("/api/v1/notifications?size=200");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        for (JsonNode n : r.json().get("items")) {
            if (n.get("link").asString().equals("/sharing/applications/" + applicationId)) {
                found.add(n.get("message").asString());
            }
        }
        return found;
    }

    @Test
    void eachStepTellsTheOneWhoMustActNext() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        UUID client = SharingFixtures.client(jdbc, "社会保险经办系统");
        Response applied = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"fddbr\"]", client));
        String id = applied.text("id");
        String number = applied.text("number");
        await().atMost(Duration.ofSeconds(15)).until(() -> !messagesAbout("admin", id).isEmpty());
        assertThat(messagesAbout("admin", id).get(0)).contains(number, "待预审", applied.text("dueDate"));
        assertThat(messagesAbout("scjg_reviewer", id)).isEmpty();

        HttpApi.as(port, "admin").post(APPS + "/" + id + "/precheck", "{\"passed\":true}");
        await().atMost(Duration.ofSeconds(15)).until(() -> !messagesAbout("scjg_reviewer", id).isEmpty());
        assertThat(messagesAbout("scjg_reviewer", id).get(0)).contains(number, "待您审核");

        HttpApi.as(port, "scjg_reviewer").post(APPS + "/" + id + "/refuse", "{\"reason\":\"用途不符合共享条件\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> !messagesAbout("rsj_admin", id).isEmpty());
        assertThat(messagesAbout("rsj_admin", id).get(0)).contains(number, "未获批准", "用途不符合共享条件");
        Response english = HttpApi.as(port, "rsj_steward").inEnglish().get("/api/v1/notifications?size=200");
        assertThat(english.body()).contains("was refused: 用途不符合共享条件");
        // not the consumer's reviewer, not a third department
        assertThat(messagesAbout("rsj_reviewer", id)).isEmpty();
        assertThat(messagesAbout("gaj_admin", id)).isEmpty();
    }
}
