package org.govshare.notification.internal;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.govshare.notification.internal.NotificationStore.NoticeRow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail by SMTP, present only when {@code spring.mail.host} is set (Spring Boot then provides the
 * {@link JavaMailSender}). A notice's e-mail is in Chinese with the English line beneath, and links
 * to the console under {@code govshare.public-base-url}.
 */
@Component
class MailChannel {

    private final ObjectProvider<JavaMailSender> senders;
    private final NoticeTexts texts;
    private final NotificationProperties properties;
    private final String baseUrl;

    MailChannel(ObjectProvider<JavaMailSender> senders, NoticeTexts texts, NotificationProperties properties,
                @Value("${govshare.public-base-url:http://localhost:8080}") String baseUrl) {
        this.senders = senders;
        this.texts = texts;
        this.properties = properties;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    String link(NoticeRow n) {
        return baseUrl + n.link();
    }

    /** Sends one notice's e-mail to one address; throws what the SMTP server or the connection said. */
    void send(NoticeRow n, String recipient) throws Exception {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("mail-not-configured");
        }
        String zh = texts.render(n, NoticeTexts.CHINESE);
        String en = texts.render(n, Locale.ENGLISH);
        String link = link(n);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mail().from());
        helper.setTo(recipient);
        helper.setSubject(texts.message("notification.mail.subject", NoticeTexts.CHINESE, zh));
        helper.setText(texts.message("notification.mail.body", NoticeTexts.CHINESE, zh, link) + "\n\n"
            + texts.message("notification.mail.body", Locale.ENGLISH, en, link) + "\n");
        sender.send(message);
    }
}
