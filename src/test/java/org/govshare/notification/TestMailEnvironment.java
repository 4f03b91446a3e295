package org.govshare.notification;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application's SMTP settings at the JVM's {@link TestSmtpServer}, so notices
 * queue and send e-mail in tests as they do where SMTP is configured.
 */
public class TestMailEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.mail.host")) {
            return;
        }
        TestSmtpServer smtp = TestSmtpServer.shared();
        environment.getPropertySources().addLast(new MapPropertySource("test-smtp",
            Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", smtp.port())));
    }
}
