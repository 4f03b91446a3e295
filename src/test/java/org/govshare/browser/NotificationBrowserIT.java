package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govshare.IntegrationTest;
import org.govshare.notification.Notice;
import org.govshare.notification.NotificationManagement;
import org.govshare.platform.CreditCode;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reviewer sees the bell's unread count, opens the list, reads the notice in Chinese, opens it
 * (which marks it read and follows its link), and the badge is gone. The notice is made through
 * the module's API, as the sharing module will.
 */
@IntegrationTest
class NotificationBrowserIT extends BrowserTestSupport {

    private static final String PASSWORD = "Notice2026pw";

    @Autowired
    NotificationManagement notifications;

    @Test
    void theBellCountsUnreadNoticesAndOpeningOneMarksItRead() {
        String tag = uniqueUsername("nb");
        String org = apiPostAs("admin", "/api/v1/organizations", Map.of("name", "通知浏览器测试局" + tag,
            "type", "DEPARTMENT", "creditCode", CreditCode.withCheckDigit(String.format("11510112MD%07d",
                System.nanoTime() % 10_000_000)), "contactName", "测试", "contactPhone", "028-84851234"))
            .get("id").asString();
        String reviewer = tag + "_rev";
        apiPostAs("admin", "/api/v1/users", Map.of("username", reviewer, "displayName", "审核员", "organizationId", org,
            "password", PASSWORD, "roles", List.of("REVIEWER")));

        signInAs(reviewer, PASSWORD);
        WebElement none = tolerantWait().until(d -> d.findElement(By.cssSelector("#notification-count[data-count]")));
        assertThat(none.getAttribute("data-count")).isEqualTo("0");
        assertThat(none.isDisplayed()).isFalse();

        UUID id = CurrentActor.runAs(CurrentActor.system(), () -> notifications.notify(new Notice(UUID.fromString(org),
            Set.of(Roles.REVIEWER), "sharing.application.submitted", "test.notice.review", List.of("SQ-2026-0777"),
            "/", "sharing-application", "777", null)));

        open("/");
        WebElement badge = tolerantWait().until(d -> d.findElement(By.cssSelector("#notification-count[data-count='1']")));
        assertThat(badge.isDisplayed()).isTrue();
        assertThat(badge.getText()).isEqualTo("1");
        screenshot("bell");

        clickAndWaitForPage(By.id("notification-bell"));
        assertThat(path()).isEqualTo("/notifications");
        assertThat(text("h1")).isEqualTo(zh("notification.inbox.title"));
        WebElement notice = $("[data-notice-id='" + id + "']");
        assertThat(notice.getAttribute("class")).contains("notice-unread");
        WebElement message = notice.findElement(By.cssSelector(".notice-message"));
        assertThat(message.getText()).isEqualTo("请审核共享申请：SQ-2026-0777");
        assertThat(message.getAttribute("class")).contains("fw-bold");
        screenshot("inbox");

        // opening it marks it read and follows its link; the badge is gone
        clickAndWaitForPage(By.cssSelector("[data-notice-id='" + id + "'] button"));
        assertThat(path()).isEqualTo("/");
        WebElement after = tolerantWait().until(d -> d.findElement(By.cssSelector("#notification-count[data-count]")));
        assertThat(after.getAttribute("data-count")).isEqualTo("0");
        assertThat(after.isDisplayed()).isFalse();

        open("/notifications");
        assertThat($("[data-notice-id='" + id + "']").getAttribute("class")).contains("notice-read");
        assertThat($("[data-notice-id='" + id + "'] .notice-message").getAttribute("class")).doesNotContain("fw-bold");

        // the same notice in English after the language switch
        clickAndWaitForPage(By.id("lang-switch"));
        assertThat(text("[data-notice-id='" + id + "'] .notice-message"))
            .isEqualTo("Please review the sharing application: SQ-2026-0777");
        clickAndWaitForPage(By.id("lang-switch"));
    }
}
