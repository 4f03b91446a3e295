package org.govshare.notification.web;

import org.govshare.platform.ConsolePage;

import java.util.Locale;
import java.util.UUID;
import org.govshare.notification.NoticeView;
import org.govshare.notification.NotificationManagement;
import org.govshare.platform.PageView;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's notices in the console: the bell's unread badge (an htmx fragment the
 * layout loads and refreshes), the paged list, opening a notice (marks it read, then goes to its
 * link) and marking all read.
 */
@ConsolePage
@RequestMapping("/notifications")
class NotificationConsoleController {

    private static final int PAGE_SIZE = 20;

    private final NotificationManagement notifications;

    NotificationConsoleController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
                 Locale locale, Model model) {
        PageView<NoticeView> notices = notifications.inbox(unread, page, PAGE_SIZE, locale);
        model.addAttribute("notices", notices);
        model.addAttribute("unread", unread);
        model.addAttribute("unreadCount", notifications.unreadCount());
        return "notification/inbox";
    }

    /** The bell's badge: empty when nothing is unread; for people only (anyone else sees no badge). */
    @GetMapping("/badge")
    String badge(Model model) {
        long count;
        try {
            count = notifications.unreadCount();
        } catch (org.govshare.platform.ProblemException notAPerson) {
            count = 0;
        }
        model.addAttribute("count", count);
        return "notification/parts :: badge";
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable UUID id, Locale locale) {
        NoticeView notice = notifications.markRead(id, locale);
        return "redirect:" + notice.link();
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        redirect.addFlashAttribute("markedAll", notifications.markAllRead());
        return "redirect:/notifications";
    }
}
