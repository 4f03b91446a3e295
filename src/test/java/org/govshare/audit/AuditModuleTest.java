package org.govshare.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govshare.IntegrationTest;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.NewUser;
import org.govshare.directory.OrganizationDetails;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.directory.Role;
import org.govshare.platform.Actor;
import org.govshare.platform.CreditCode;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The audit module as other modules and people use it: domain events arrive through the
 * Spring Modulith listener, searches stay inside the caller's organization over real HTTP, and
 * a refused search is itself audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditModuleTest {

    private static final String PASSWORD = "audit-test-password-1";

    @Autowired
    DirectoryManagement directory;
    @Autowired
    AuditQueries queries;
    @Autowired
    AuditLog auditLog;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final Actor admin = TestActors.platformAdmin();
    private OrganizationView orgA;
    private OrganizationView orgB;
    private String orgAdminA;
    private String auditorA;

    @BeforeAll
    void organizationsAndPeople() {
        orgA = TestActors.as(admin, () -> directory.registerOrganization(organization("审计测试甲局")));
        orgB = TestActors.as(admin, () -> directory.registerOrganization(organization("审计测试乙局")));
        orgAdminA = "audit-orgadmin-" + TestActors.shortId();
        auditorA = "audit-auditor-" + TestActors.shortId();
        TestActors.run(admin, () -> {
            directory.createUser(new NewUser(orgAdminA, "甲局管理员", orgA.id(), PASSWORD, Set.of(Role.ORG_ADMIN), null, null));
            directory.createUser(new NewUser(auditorA, "甲局审计员", orgA.id(), PASSWORD, Set.of(Role.AUDITOR), null, null));
        });
    }

    private static OrganizationDetails organization(String name) {
        String body = "11510112" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        return new OrganizationDetails(name + TestActors.shortId(), null, OrganizationType.DEPARTMENT, null,
            CreditCode.withCheckDigit(body), null, null, null);
    }

    @Test
    void aDomainEventPublishedInATransactionIsWrittenAfterCommitThroughTheModuleListener() {
        // registerOrganization publishes DirectoryEvents.OrganizationRegistered, typed to the
        // listener only as the AuditableEvent interface
        OrganizationView org = TestActors.as(admin, () -> directory.registerOrganization(organization("审计监听测试局")));
        List<AuditEntry> found = await(() -> TestActors.as(admin, () -> queries.search(
            new AuditSearch(null, null, org.id(), "directory.organization.registered", null, null, null), 0, 10).items()));
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo(org.id().toString());
            assertThat(e.targetOrganizationId()).isEqualTo(org.id());
            assertThat(e.actorName()).isEqualTo(admin.name());
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
        // delivered through the event publication registry, and marked complete once durable
        List<Boolean> completed = await(() -> jdbc.sql("select completion_date is not null from event_publication "
                + "where listener_id like '%AuditEventListeners%' and serialized_event like ?")
            .param("%" + org.id() + "%").query(Boolean.class).list().stream().filter(Boolean::booleanValue).toList());
        assertThat(completed).containsExactly(true);
    }

    @Test
    void anOrganizationAdministratorSeesOnlyTheirOrganization() {
        Actor a = TestActors.person(orgA.id(), Roles.ORG_ADMIN);
        auditLog.append(AuditRecord.builder("test.scope.a").actor(a).target("resource", "r1", orgA.id()).build()).join();
        auditLog.append(AuditRecord.builder("test.scope.b").actor(TestActors.person(orgB.id(), Roles.ORG_ADMIN))
            .target("resource", "r2", orgB.id()).build()).join();
        auditLog.append(AuditRecord.builder("test.scope.b-reads-a").actor(TestActors.person(orgB.id(), Roles.ORG_ADMIN))
            .target("resource", "r3", orgA.id()).build()).join();

        AuditPage page = TestActors.as(a, () -> queries.search(new AuditSearch(null, null, null, "test.scope.", null,
            null, null), 0, 50));
        assertThat(page.items()).extracting(AuditEntry::action)
            .contains("test.scope.a", "test.scope.b-reads-a").doesNotContain("test.scope.b");
        assertThat(page.items()).allSatisfy(e ->
            assertThat(List.of(String.valueOf(e.organizationId()), String.valueOf(e.targetOrganizationId())))
                .contains(orgA.id().toString()));

        assertThatThrownBy(() -> TestActors.as(a, () -> queries.search(
            new AuditSearch(null, null, orgB.id(), null, null, null, null), 0, 10)))
            .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void clientApplicationsAndOtherRolesCannotSearch() {
        Actor client = Actor.ofClient(UUID.randomUUID(), "some-system", orgA.id());
        Actor steward = TestActors.person(orgA.id(), Roles.DATA_STEWARD);
        for (Actor who : List.of(client, steward)) {
            assertThatThrownBy(() -> TestActors.as(who, () -> queries.search(AuditSearch.all(), 0, 10)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
        }
    }

    @Test
    void platformAdministratorsSearchEverythingWithFilters() {
        String action = "test.filters." + TestActors.shortId();
        String subject = "510112199001011234";
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            auditLog.append(AuditRecord.builder(action).actor(UUID.randomUUID(), "filter-tester", orgB.id())
                .outcome(i == 0 ? AuditOutcome.FAILED : AuditOutcome.SUCCESS)
                .subjectId(i == 1 ? subject : null).build()).join();
        }
        AuditPage all = TestActors.as(admin, () -> queries.search(
            new AuditSearch(before, null, null, action, "filter-tester", null, null), 0, 2));
        assertThat(all.totalElements()).isEqualTo(5);
        assertThat(all.totalPages()).isEqualTo(3);
        assertThat(all.items()).hasSize(2);
        assertThat(all.items().get(0).seq()).isGreaterThan(all.items().get(1).seq());

        assertThat(TestActors.as(admin, () -> queries.search(
            new AuditSearch(null, null, null, action, null, AuditOutcome.FAILED, null), 0, 10)).totalElements()).isEqualTo(1);
        assertThat(TestActors.as(admin, () -> queries.search(
            new AuditSearch(null, null, null, null, null, null, auditLog.subjectKey(subject)), 0, 10)).items())
            .extracting(AuditEntry::action).contains(action);
        assertThat(TestActors.as(admin, () -> queries.search(
            new AuditSearch(null, before, null, action, null, null, null), 0, 10)).totalElements()).isZero();
        assertThatThrownBy(() -> TestActors.as(admin, () -> queries.search(AuditSearch.all(), 0, 201)))
            .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("size"));
    }

    @Test
    void overHttpAnotherOrganizationsEntriesAreForbiddenAndTheAttemptIsAudited() throws Exception {
        HttpResponse<String> denied = api("GET", "/api/v1/audit/entries?organizationId=" + orgB.id(), orgAdminA);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(denied.body()).contains("\"code\":\"forbidden\"");

        List<AuditEntry> audited = await(() -> TestActors.as(admin, () -> queries.search(
            new AuditSearch(null, null, null, "security.access.denied", orgAdminA, AuditOutcome.DENIED, null), 0, 10).items()));
        assertThat(audited).anySatisfy(e -> {
            assertThat(e.targetId()).isEqualTo("GET /api/v1/audit/entries");
            assertThat(e.organizationId()).isEqualTo(orgA.id());
        });

        HttpResponse<String> own = api("GET", "/api/v1/audit/entries?size=5&from=2020-01-01T00:00:00Z", orgAdminA);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"items\"", "\"totalElements\"", "\"totalPages\"");

        assertThat(api("GET", "/api/v1/audit/entries?size=500", orgAdminA).statusCode()).isEqualTo(422);
    }

    @Test
    void theSharingAuthoritysAuditorSupervisesEveryOrganizationButADepartmentsAuditorDoesNot() throws Exception {
        var byAuthority = org.govshare.HttpApi.as(port, "auditor").get("/api/v1/audit/entries?organizationId=" + orgB.id());
        assertThat(byAuthority.status()).isEqualTo(200);
        assertThat(api("GET", "/api/v1/audit/entries?organizationId=" + orgB.id(), auditorA).statusCode()).isEqualTo(403);
    }

    @Test
    void activityIsCountedPerDayAndOutcomeWithinTheReadersScope() {
        var mine = org.govshare.HttpApi.as(port, "auditor").get("/audit/activity");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("categories").size()).isEqualTo(14);
        assertThat(mine.json().get("series").size()).isEqualTo(AuditOutcome.values().length);
        long total = 0;
        for (var series : mine.json().get("series")) {
            for (var n : series.get("data")) {
                total += n.asLong();
            }
        }
        assertThat(total).as("today's entries of the demo district are counted").isPositive();
        assertThat(org.govshare.HttpApi.as(port, "scjg_steward").get("/audit/activity").status()).isEqualTo(403);
    }

    @Test
    void verificationIsForAuditorsAndPlatformAdministrators() throws Exception {
        HttpResponse<String> byAuditor = api("POST", "/api/v1/audit/verification", auditorA);
        assertThat(byAuditor.statusCode()).isEqualTo(200);
        assertThat(byAuditor.body()).contains("\"ok\":true", "\"entriesChecked\"");
        assertThat(api("POST", "/api/v1/audit/verification", orgAdminA).statusCode()).isEqualTo(403);
    }

    @Test
    void theConsolePageListsEntriesAndVerifiesTheChain() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + auditorA + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf=" + URLEncoder.encode(find(login, "name=\"_csrf\" value=\"([^\"]+)\""), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> page = browser.send(get("/audit"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("审计日志", "id=\"audit-entries\"", "id=\"audit-verify\"", "security.login.succeeded");

        String csrf = find(page.body(), "name=\"_csrf\" content=\"([^\"]+)\"");
        String header = find(page.body(), "name=\"_csrf_header\" content=\"([^\"]+)\"");
        HttpResponse<String> verified = browser.send(HttpRequest.newBuilder(uri("/audit/verification"))
            .header(header, csrf).header("HX-Request", "true").POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("verification-report", "alert-success", "哈希链完整");
    }

    private HttpResponse<String> api(String method, String path, String username) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("%s in page", regex).isTrue();
        return m.group(1);
    }

    private static <T> List<T> await(java.util.concurrent.Callable<List<T>> query) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            while (true) {
                List<T> found = query.call();
                if (!found.isEmpty() || System.nanoTime() > deadline) {
                    return found;
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
