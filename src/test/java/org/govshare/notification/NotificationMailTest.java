package org.govshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.govshare.IntegrationTest;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With SMTP configured (the tests point {@code spring.mail.*} at an in-process server), a notice
 * e-mails each addressed person who has an address: subject and body in Chinese with the English
 * line, and the console link.
 */
@IntegrationTest
class NotificationMailTest {

    @LocalServerPort
    int port;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachAddressedPersonWithAnAddressGetsOneEmailWithTheLink() throws Exception {
        NotificationFixtures f = new NotificationFixtures(port);
        String reviewerMail = f.tag + ".reviewer@example.gov.cn";
        String stewardMail = f.tag + ".steward@example.gov.cn";
        f.person("reviewer", reviewerMail, "REVIEWER");
        f.person("steward", stewardMail, "DATA_STEWARD");
        f.person("nomail", null, "REVIEWER");

        UUID id = CurrentActor.runAs(CurrentActor.system(), () -> notifications.notify(new Notice(f.organizationId,
            Set.of(Roles.REVIEWER), "sharing.application.submitted", "test.notice.review", List.of("SQ-2026-0099"),
            "/sharing/applications/99", null, null, null)));

        assertThat(jdbc.sql("select recipient from notification_mail where notice_id = ?").param(id)
            .query(String.class).list()).containsExactly(reviewerMail);
        TestSmtpServer smtp = TestSmtpServer.shared();
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(reviewerMail).size() == 1);
        MimeMessage mail = smtp.receivedBy(reviewerMail).get(0).message();
        assertThat(mail.getSubject()).isEqualTo("【政务信息资源共享平台】请审核共享申请：SQ-2026-0099");
        String body = mail.getContent().toString();
        assertThat(body).contains("请审核共享申请：SQ-2026-0099")
            .contains("Please review the sharing application: SQ-2026-0099")
            .contains("http://localhost:8080/sharing/applications/99");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(jdbc.sql(
            "select status from notification_mail where notice_id = ?").param(id).query(String.class).single()));
        assertThat(smtp.receivedBy(stewardMail)).isEmpty();
    }
}
