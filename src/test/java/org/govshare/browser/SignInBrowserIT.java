package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Signing in and out as every kind of demo account, the dashboard each one sees, the Chinese
 * default with the English switch, wrong passwords and the lockout.
 */
@IntegrationTest
class SignInBrowserIT extends BrowserTestSupport {

    private static final String AUTHORITY = "成都市龙泉驿区大数据中心";
    private static final String SCJG = "成都市龙泉驿区市场监督管理局";

    @BeforeEach
    void freshBrowserSession() {
        // every test here is about signing in: start signed out, in the default language
        open("/login");
        driver.manage().deleteAllCookies();
    }

    static Stream<Arguments> demoAccounts() {
        return Stream.of(
            Arguments.of("admin", "邓文", AUTHORITY, Set.of("PLATFORM_ADMIN", "ORG_ADMIN"),
                List.of("platform-admin", "org-admin"), true),
            Arguments.of("auditor", "曹悦", AUTHORITY, Set.of("AUDITOR"), List.of("auditor"), false),
            Arguments.of("scjg_admin", "李晓梅", SCJG, Set.of("ORG_ADMIN"), List.of("org-admin"), true),
            Arguments.of("scjg_steward", "李晓梅（数据专员）", SCJG, Set.of("DATA_STEWARD"), List.of("data-steward"), false),
            Arguments.of("scjg_reviewer", "李晓梅（审核员）", SCJG, Set.of("REVIEWER"), List.of("reviewer"), false),
            Arguments.of("scjg_auditor", "李晓梅（审计员）", SCJG, Set.of("AUDITOR"), List.of("auditor"), false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("demoAccounts")
    void dashboardFitsTheRole(String username, String displayName, String organization, Set<String> roles,
                              List<String> capabilities, boolean managesDirectory) {
        signIn(username, DEMO_PASSWORD);

        assertThat(path()).isEqualTo("/");
        assertThat(text("#current-user")).isEqualTo(username);
        assertThat(text("#welcome")).isEqualTo(zh("home.welcome", displayName, organization));
        assertThat(texts("span.role-badge"))
            .containsExactlyInAnyOrderElementsOf(roles.stream().map(r -> zh("role." + r)).toList());
        assertThat(texts("ul#capabilities > li"))
            .containsExactlyElementsOf(capabilities.stream().map(c -> zh("home.can." + c)).toList());
        for (String nav : List.of("nav-organizations", "nav-users", "nav-clients")) {
            assertThat(present("#" + nav)).as("%s sees #%s", username, nav).isEqualTo(managesDirectory);
        }
        if (managesDirectory) {
            assertThat(List.of(text("#nav-organizations"), text("#nav-users"), text("#nav-clients")))
                .containsExactly("组织机构", "用户", "应用系统");
        }
        screenshot("dashboard-" + username);

        signOut();
        assertThat(driver.getPageSource()).contains(zh("login.logout"));
        open("/");
        assertThat(path()).as("signed out: the dashboard asks to sign in again").isEqualTo("/login");
    }

    @Test
    void wrongPasswordIsRefusedInChinese() {
        String username = uniqueUsername("wrongpw");
        createUser(username, "错密码测试", organizationId(SCJG), "Right2026pass", "DATA_STEWARD");

        signIn(username, "Wrong2026pass");

        assertThat(path()).isEqualTo("/login");
        String error = text("#login-error");
        assertThat(error).isEqualTo(zh("login.error.bad-credentials")).isEqualTo("用户名或密码错误。");
        open("/");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        String username = uniqueUsername("lockme");
        createUser(username, "锁定测试", organizationId(SCJG), "Right2026pass", "REVIEWER");

        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "Wrong2026pass" + attempt);
            assertThat(text("#login-error")).as("attempt %d", attempt).isEqualTo(zh("login.error.bad-credentials"));
        }
        signIn(username, "Right2026pass");

        assertThat(path()).isEqualTo("/login");
        String error = text("#login-error");
        assertThat(error).isEqualTo(zh("login.error.locked"));
        assertThat(hasChinese(error)).isTrue();
        screenshot("locked");
        open("/");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    void languageSwitchesToEnglishAndBack() {
        signIn("scjg_admin", DEMO_PASSWORD);
        assertThat(text("#nav-users")).isEqualTo("用户");
        assertThat(text("#lang-switch")).isEqualTo("English");

        clickAndWaitForPage(By.id("lang-switch"));

        assertThat(text("#welcome")).isEqualTo(en("home.welcome", "李晓梅", SCJG)).startsWith("Welcome, ");
        assertThat(List.of(text("#nav-organizations"), text("#nav-users"), text("#nav-clients")))
            .containsExactly("Organizations", "Users", "Client applications");
        assertThat(texts("span.role-badge")).containsExactly("Organization administrator");
        assertThat(text("#logout")).isEqualTo("Sign out");
        assertThat(text("#lang-switch")).isEqualTo("中文");
        // the choice sticks (cookie) on the next page
        open("/directory/users");
        assertThat(driver.findElement(By.cssSelector("h1 span")).getText()).isEqualTo("Users");
        screenshot("english-users");

        clickAndWaitForPage(By.id("lang-switch"));
        assertThat(driver.findElement(By.cssSelector("h1 span")).getText()).isEqualTo("用户");
        assertThat(text("#lang-switch")).isEqualTo("English");
    }
}
