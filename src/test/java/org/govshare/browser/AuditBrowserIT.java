package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What an auditor sees: the department's own actions and the attempts against other departments,
 * found with the search form, and the authority's verification of the whole chain.
 */
@IntegrationTest
class AuditBrowserIT extends BrowserTestSupport {

    @Test
    void aDepartmentAuditorFindsItsAdministratorsActionsAndDeniedAttempts() {
        String scjg = organizationId("成都市龙泉驿区市场监督管理局");
        String rsj = organizationId("成都市龙泉驿区人力资源和社会保障局");
        String username = uniqueUsername("audited");
        signInAs("scjg_admin");
        open("/directory/users");
        type("#username", username);
        type("#displayName", "审计对象");
        type("#password", "Longquan2026");
        clickAndWaitForPage(By.id("create-user"));
        assertThat(text("#saved")).contains(username);
        open("/directory/users?org=" + rsj);
        assertThat(present("#error-message")).isTrue();

        signInAs("scjg_auditor");
        open("/audit");
        type("#action", "directory.user.created");
        waitForEntries(() -> {
            clickAndWaitForPage(By.id("audit-search"));
            return rowsContaining(username);
        });
        type("#action", "security.access.denied");
        type("#actor", "scjg_admin");
        waitForEntries(() -> {
            clickAndWaitForPage(By.id("audit-search"));
            return rowsContaining("/directory/users");
        });
        WebElement denied = rowsContaining("/directory/users").get(0);
        assertThat(denied.findElement(By.cssSelector(".outcome-badge")).getText()).isEqualTo(zh("audit.outcome.DENIED"));
        screenshot("denied-attempts");

        open("/audit?organizationId=" + rsj);
        assertThat(present("#error-message")).as("another department's log is refused").isTrue();
        open("/audit?organizationId=" + scjg);
        assertThat(present("#audit-entries")).isTrue();
    }

    @Test
    void theDashboardChartsTheAuditActivity() {
        signInAs("auditor");
        open("/");
        WebElement chart = wait.withTimeout(Duration.ofSeconds(20))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard-chart[data-chart-drawn='true'] canvas")));
        assertThat(chart.getSize().getHeight()).isGreaterThan(100);
        screenshot("dashboard-chart");
    }

    @Test
    void theAuthoritysAuditorVerifiesTheChain() {
        signInAs("auditor");
        open("/audit");
        $("#audit-verify").click();
        WebElement ok = wait.withTimeout(Duration.ofSeconds(30))
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#verification-report .alert-success")));
        assertThat(ok.getText()).contains("哈希链完整");
        screenshot("verified");
    }

    private List<WebElement> rowsContaining(String text) {
        return $$("#audit-entries tbody tr").stream().filter(r -> r.getText().contains(text)).toList();
    }

    /** Audit entries are written just after the action's commit: search again until they show. */
    private void waitForEntries(java.util.function.Supplier<List<WebElement>> search) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (search.get().isEmpty()) {
            assertThat(System.currentTimeMillis()).as("audit entry shown within 10 s").isLessThan(deadline);
        }
    }
}
