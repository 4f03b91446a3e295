package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A department administrator (scjg_admin) manages the people of their own department through the
 * console, and only those.
 */
@IntegrationTest
class UserAdministrationBrowserIT extends BrowserTestSupport {

    private static final String SCJG = "成都市龙泉驿区市场监督管理局";
    private static final String RSJ = "成都市龙泉驿区人力资源和社会保障局";
    private static final String PASSWORD = "Start2026pass";

    private String scjg;

    @BeforeEach
    void signedInAsDepartmentAdministrator() {
        scjg = organizationId(SCJG);
        signInAs("scjg_admin");
    }

    @Test
    void createsUserThroughTheFormAfterRefusingAWeakPassword() {
        String username = uniqueUsername("newstaff");
        open("/directory/users");
        screenshot("users");
        // the list opens on the administrator's own department
        assertThat(texts("table#users code")).isNotEmpty().doesNotContain("admin", "rsj_admin");

        fillNewUser(username, "王小二", "onlyletterspassword");
        clickAndWaitForPage(By.id("create-user"));

        assertThat(texts("#form-errors li")).containsExactly(zh("problem.password-weak"));
        assertThat(hasChinese(text("#form-errors"))).isTrue();
        assertThat(present("#saved")).isFalse();
        assertThat(texts("table#users code")).doesNotContain(username);
        assertThat(apiGetAs("admin", "/api/v1/users?q=" + username).get("totalElements").asLong()).isZero();

        // the form keeps what was typed except the password
        assertThat($("#new-user #username").getDomProperty("value")).isEqualTo(username);
        fillNewUser(username, "王小二", PASSWORD);
        clickAndWaitForPage(By.id("create-user"));

        assertThat(text("#saved")).isEqualTo(zh("common.saved", username));
        assertThat(present("#form-errors")).isFalse();
        WebElement row = userRow(username);
        assertThat(row.getText()).contains("王小二", zh("role.REVIEWER"), zh("common.active"));
        screenshot("user-created");
    }

    @Test
    void changesRoles() {
        String username = uniqueUsername("rolechange");
        String id = createUser(username, "角色变更", scjg, PASSWORD, "DATA_STEWARD");

        open("/directory/users/" + id);
        assertThat($("#role-DATA_STEWARD").isSelected()).isTrue();
        assertThat(present("#role-PLATFORM_ADMIN")).as("only platform administrators may grant it").isFalse();
        $("#role-DATA_STEWARD").click();
        $("#role-REVIEWER").click();
        $("#role-AUDITOR").click();
        clickAndWaitForPage(By.id("save-user"));

        assertThat(text("#saved")).isEqualTo(zh("common.saved", username));
        assertThat($("#role-DATA_STEWARD").isSelected()).isFalse();
        assertThat($("#role-REVIEWER").isSelected()).isTrue();
        assertThat($("#role-AUDITOR").isSelected()).isTrue();
        assertThat(apiGetAs("admin", "/api/v1/users/" + id).get("roles").valueStream().map(r -> r.asString()).toList())
            .containsExactlyInAnyOrder("REVIEWER", "AUDITOR");
    }

    @Test
    void disabledUserCannotSignIn() {
        String username = uniqueUsername("leaver");
        String id = createUser(username, "离职人员", scjg, PASSWORD, "DATA_STEWARD");

        open("/directory/users/" + id);
        assertThat(text("#enabled-form strong")).isEqualTo(zh("common.active"));
        clickAndWaitForPage(By.cssSelector("#enabled-form button[type=submit]"));
        assertThat(text("#saved")).isEqualTo(zh("common.saved", username));
        assertThat(text("#enabled-form strong")).isEqualTo(zh("common.inactive"));

        signOut();
        signIn(username, PASSWORD);
        assertThat(path()).isEqualTo("/login");
        assertThat(text("#login-error")).isEqualTo(zh("login.error.disabled"));
        screenshot("disabled-sign-in");
    }

    @Test
    void resetPasswordReplacesTheOldOne() {
        String username = uniqueUsername("forgetful");
        String id = createUser(username, "忘记密码", scjg, PASSWORD, "DATA_STEWARD");
        String newPassword = "Reset2026pass";

        open("/directory/users/" + id);
        type("#new-password", newPassword);
        clickAndWaitForPage(By.cssSelector("#password-form button[type=submit]"));
        assertThat(text("#saved")).isEqualTo(zh("common.saved", username));

        signOut();
        signIn(username, PASSWORD);
        assertThat(text("#login-error")).as("the old password no longer works").isEqualTo(zh("login.error.bad-credentials"));
        signIn(username, newPassword);
        assertThat(path()).isEqualTo("/");
        assertThat(text("#current-user")).isEqualTo(username);
    }

    @Test
    void anotherDepartmentsUsersAreForbidden() {
        String rsj = organizationId(RSJ);

        open("/directory/users?org=" + rsj);

        assertThat(text("#error-message")).isEqualTo(zh("error.403"));
        assertThat(driver.getPageSource()).doesNotContain("rsj_admin");
        screenshot("forbidden");
    }

    private void fillNewUser(String username, String displayName, String password) {
        type("#new-user #username", username);
        type("#new-user #displayName", displayName);
        type("#new-user #password", password);
        for (WebElement role : $$("#new-user input[name=roles]")) {
            boolean wanted = role.getDomProperty("value").equals("REVIEWER");
            if (role.isSelected() != wanted) {
                role.click();
            }
        }
    }

    /** The user's row in the department's list, found through the list's search so paging does not matter. */
    private WebElement userRow(String username) {
        open("/directory/users?org=" + scjg + "&q=" + username);
        List<WebElement> rows = $$("table#users tbody tr").stream()
            .filter(r -> r.findElement(By.tagName("code")).getText().equals(username))
            .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
