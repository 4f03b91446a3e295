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

    @Test
    void anAdministratorRegistersAWebhookSeesTheSecretOnceAndFollowsItsDeliveries() throws Exception {
        String tag = uniqueUsername("nw");
        String org = apiPostAs("admin", "/api/v1/organizations", Map.of("name", "通知Webhook测试局" + tag,
            "type", "DEPARTMENT", "creditCode", CreditCode.withCheckDigit(String.format("11510112ME%07d",
                System.nanoTime() % 10_000_000)), "contactName", "测试", "contactPhone", "028-84851234"))
            .get("id").asString();
        String admin = tag + "_adm";
        apiPostAs("admin", "/api/v1/users", Map.of("username", admin, "displayName", "管理员", "organizationId", org,
            "password", PASSWORD, "roles", List.of("ORG_ADMIN")));
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            signInAs(admin, PASSWORD);
            clickAndWaitForPage(By.id("nav-notification-webhooks"));
            assertThat(text("h1")).contains(zh("notification.webhooks.title"), "通知Webhook测试局" + tag);
            assertThat(present("#no-webhooks")).isTrue();

            // a refused URL is named next to the form, nothing is registered
            type("#url", "ftp://hooks.example.org/in");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('url').type='text'");
            clickAndWaitForPage(By.id("register-webhook"));
            assertThat(text("#form-errors")).contains(zh("problem.webhook-url-scheme", "ftp"));
            assertThat(present("#no-webhooks")).isTrue();

            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            type("#url", url);
            type("#description", "审批系统");
            type("#kinds", "sharing.application.submitted");
            clickAndWaitForPage(By.id("register-webhook"));
            String secret = text("#secret-value");
            assertThat(secret).startsWith("whsec_");
            assertThat(text("#webhook-url")).isEqualTo(url);
            String detail = path();
            driver.navigate().refresh();
            assertThat(path()).isEqualTo(detail);
            assertThat(present("#webhook-secret")).isFalse();
            assertThat(driver.getPageSource()).doesNotContain(secret);

            UUID id = CurrentActor.runAs(CurrentActor.system(), () -> notifications.notify(new Notice(
                UUID.fromString(org), Set.of(), "sharing.application.submitted", "test.notice.review",
                List.of("SQ-2026-0888"), "/", null, null, null)));
            tolerantWait().until(d -> received.size() == 1);
            assertThat(received.get(0)).contains(id.toString());
            tolerantWait().until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("#deliveries .delivery-status")).stream()
                    .anyMatch(e -> e.getText().equals(zh("notification.delivery.status.DELIVERED")));
            });
            screenshot("webhook");

            clickAndWaitForPage(By.id("toggle-webhook"));
            assertThat(text("#webhook-state")).isEqualTo(zh("notification.webhooks.disabled"));
            clickConfirmAndWaitForPage($("#delete-webhook"), zh("notification.webhooks.delete.confirm"));
            assertThat(path()).isEqualTo("/notifications/webhooks");
            assertThat(present("#no-webhooks")).isTrue();
        } finally {
            receiver.stop(0);
        }
    }
}
