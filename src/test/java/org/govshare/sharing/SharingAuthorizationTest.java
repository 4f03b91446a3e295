package org.govshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.CurrentActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix: for an application under review, every demo role of the consumer,
 * the provider, a third department and the authority, against every action. Whoever may not act
 * gets 403 (or 409 when the role may act but not in this state), and the application is unchanged.
 */
@IntegrationTest
class SharingAuthorizationTest {

    private static final String APPS = "/api/v1/sharing/applications";
    private static final List<String> USERS = List.of("rsj_steward", "rsj_admin", "rsj_reviewer", "rsj_auditor",
        "scjg_steward", "scjg_admin", "scjg_reviewer", "scjg_auditor", "gaj_admin", "gaj_reviewer", "admin", "auditor");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryManagement directory;

    @Test
    void noDepartmentSeesOrActsBeyondItsRole() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        UUID client = SharingFixtures.client(jdbc, "社会保险经办系统");
        Response applied = HttpApi.as(port, "rsj_steward").post(APPS, SharingFixtures.draft(resource, "[\"fddbr\"]", client));
        String id = applied.text("id");
        HttpApi.as(port, "admin").post(APPS + "/" + id + "/precheck", "{\"passed\":true}");
        String app = APPS + "/" + id;
        long version = version(id);

        // who may read it: the consumer's and the provider's people and the authority; not a third department
        Map<String, Integer> read = new LinkedHashMap<>();
        USERS.forEach(u -> read.put(u, HttpApi.as(port, u).get(app).status()));
        assertThat(read).containsEntry("gaj_admin", 403).containsEntry("gaj_reviewer", 403);
        read.keySet().stream().filter(u -> !u.startsWith("gaj")).forEach(u -> assertThat(read.get(u)).as(u).isEqualTo(200));

        // deciding: only the provider's reviewer (not executed here); everyone else 403
        expect(app + "/refuse", "{\"reason\":\"探测\"}", except("scjg_reviewer"), 403);
        expect(app + "/supplement-request", "{\"question\":\"探测\"}", except("scjg_reviewer"), 403);
        expect(app + "/approve", "{}", except("scjg_reviewer"), 403);
        // answering: only the consumer's administrator and steward, and a REVIEW has nothing to supplement
        expect(app + "/withdraw", "{}", except("rsj_steward", "rsj_admin"), 403);
        expect(app + "/supplement", "{\"text\":\"探测\"}", except("rsj_steward", "rsj_admin"), 403);
        expect(app + "/supplement", "{\"text\":\"探测\"}", List.of("rsj_steward", "rsj_admin"), 409);
        expect(app + "/dispute", "{\"reason\":\"探测\"}", List.of("rsj_steward", "rsj_admin"), 409);
        // the authority's acts: others 403; the authority itself 409 in this state
        expect(app + "/precheck", "{\"passed\":true}", except("admin"), 403);
        expect(app + "/precheck", "{\"passed\":true}", List.of("admin"), 409);
        expect(app + "/dispute-decision", "{\"upheld\":true,\"reason\":\"探测\"}", except("admin"), 403);
        expect(app + "/coordination-outcome", "{\"granted\":false,\"reason\":\"探测\"}", except("admin"), 403);
        assertThat(version(id)).as("no refused attempt changed the application").isEqualTo(version);
        assertThat(HttpApi.as(port, "rsj_steward").get(app).text("state")).isEqualTo("REVIEW");

        // lists: each side shows only the department's own; everything only for the authority
        for (String u : USERS) {
            int all = HttpApi.as(port, u).get(APPS + "?side=ALL").status();
            assertThat(all).as(u).isEqualTo(u.equals("admin") || u.equals("auditor") ? 200 : 403);
        }
        String q = "&q=" + applied.text("number");
        assertThat(total("gaj_admin", APPS + "?side=CONSUMER" + q)).isZero();
        assertThat(total("gaj_admin", APPS + "?side=PROVIDER" + q)).isZero();
        assertThat(total("rsj_auditor", APPS + "?side=CONSUMER" + q)).isEqualTo(1);
        assertThat(total("scjg_reviewer", APPS + "?side=PROVIDER" + q)).isEqualTo(1);
        assertThat(total("scjg_reviewer", APPS + "?side=CONSUMER" + q)).isZero();

        // the grouped counts agree with the lists, state by state, and only the authority counts everyone's
        JsonNode byState = HttpApi.as(port, "admin").get("/api/v1/sharing/applications/counts?side=ALL").json();
        for (ApplicationState s : ApplicationState.values()) {
            assertThat(byState.get(s.name()).asLong()).as(s.name())
                .isEqualTo(total("admin", APPS + "?side=ALL&state=" + s.name()));
        }
        assertThat(HttpApi.as(port, "rsj_admin").get("/api/v1/sharing/applications/counts?side=ALL").status())
            .isEqualTo(403);
        assertThat(HttpApi.as(port, "rsj_steward").get("/api/v1/sharing/applications/counts?side=CONSUMER").json()
            .get("REVIEW").asLong()).isGreaterThanOrEqualTo(1);

        // client applications use grants through the data service, not the sharing console API
        String key = CurrentActor.runAs(CurrentActor.system(), () -> directory.issueApiKey(client)).apiKey();
        assertThat(HttpApi.withKey(port, key).get(app).status()).isEqualTo(403);
        assertThat(HttpApi.withKey(port, key).get(APPS).status()).isEqualTo(403);
        assertThat(HttpApi.withKey(port, key).post(APPS, SharingFixtures.draft(resource, "[\"qymc\"]", client)).status())
            .isEqualTo(403);
    }

    private void expect(String path, String body, List<String> users, int status) {
        for (String u : users) {
            Response r = HttpApi.as(port, u).post(path, body);
            assertThat(r.status()).as(u + " " + path + " " + r.body()).isEqualTo(status);
        }
    }

    private static List<String> except(String... allowed) {
        List<String> a = List.of(allowed);
        return USERS.stream().filter(u -> !a.contains(u)).toList();
    }

    private long version(String id) {
        return jdbc.sql("select version from sharing_application where id = ?::uuid").param(id).query(Long.class).single();
    }

    private long total(String user, String path) {
        Response r = HttpApi.as(port, user).get(path);
        assertThat(r.status()).as(user + " " + path).isEqualTo(200);
        return r.json().get("totalElements").asLong();
    }
}
