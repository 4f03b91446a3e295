package org.govshare.notification.internal;

import java.util.Locale;
import org.govshare.notification.internal.NotificationStore.NoticeRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a stored notice (message key and arguments) in a reader's language. A key that no longer
 * exists shows the notice's kind instead of failing the whole inbox.
 */
@Component
class NoticeTexts {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    String render(NoticeRow n, Locale locale) {
        return messages.getMessage(n.messageKey(), n.args().toArray(), n.kind(), locale == null ? CHINESE : locale);
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
