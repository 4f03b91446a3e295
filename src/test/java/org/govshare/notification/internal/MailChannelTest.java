package org.govshare.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** E-mail is a channel only where {@code spring.mail.host} is set; otherwise notices queue no e-mail. */
class MailChannelTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
        .withUserConfiguration(Config.class)
        .withBean(NoticeTexts.class)
        .withBean(MailChannel.class);

    @EnableConfigurationProperties(NotificationProperties.class)
    static class Config {
    }

    @Test
    void withoutAnSmtpHostThereIsNoMail() {
        runner.run(context -> assertThat(context.getBean(MailChannel.class).enabled()).isFalse());
    }

    @Test
    void withAnSmtpHostThereIs() {
        runner.withPropertyValues("spring.mail.host=smtp.example.gov.cn")
            .run(context -> assertThat(context.getBean(MailChannel.class).enabled()).isTrue());
    }
}
