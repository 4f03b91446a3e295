package org.govshare.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.govshare.notification.NoticeView;
import org.govshare.notification.NotificationManagement;
import org.govshare.platform.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's notices over JSON: texts in the language of {@code Accept-Language}.
 * People only; client applications are answered 403.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notification", description = "消息通知 / the current person's notices")
class NotificationApiController {

    private final NotificationManagement notifications;

    NotificationApiController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "My notices, newest first (unread=true: only unread ones)")
    PageView<NoticeView> list(@RequestParam(defaultValue = "false") boolean unread,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                              Locale locale) {
        return notifications.inbox(unread, page, size, locale);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of my notices are unread")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notices read (404 when it is not mine)")
    NoticeView read(@PathVariable UUID id, Locale locale) {
        return notifications.markRead(id, locale);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notices read; answers how many were unread")
    Map<String, Long> readAll() {
        return Map.of("marked", notifications.markAllRead());
    }
}
