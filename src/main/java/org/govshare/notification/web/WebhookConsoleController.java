package org.govshare.notification.web;

import org.govshare.platform.ConsolePage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.notification.DeliveryStatus;
import org.govshare.notification.IssuedWebhookSecret;
import org.govshare.notification.NotificationManagement;
import org.govshare.notification.WebhookDraft;
import org.govshare.notification.WebhookView;
import org.govshare.platform.ConsoleForms;
import org.govshare.platform.CurrentActor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's notification webhooks in the console: register (the secret is shown once on the
 * next page), enable, disable, rotate, delete, and each endpoint's deliveries with redelivery.
 * Who may do what is decided by {@link NotificationManagement}.
 */
@ConsolePage
@RequestMapping("/notifications/webhooks")
class WebhookConsoleController {

    private final NotificationManagement notifications;
    private final DirectoryManagement directory;
    private final ConsoleForms forms;

    WebhookConsoleController(NotificationManagement notifications, DirectoryManagement directory, ConsoleForms forms) {
        this.notifications = notifications;
        this.directory = directory;
        this.forms = forms;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID organizationId, Model model) {
        return listPage(organizationId, new WebhookDraft("", "", List.of()), model);
    }

    @PostMapping
    String register(@RequestParam(required = false) UUID organizationId, @RequestParam(defaultValue = "") String url,
                    @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String kinds,
                    Locale locale, Model model, RedirectAttributes redirect) {
        WebhookDraft draft = new WebhookDraft(url, description, Arrays.stream(kinds.split("[,，\\s]+"))
            .map(String::strip).filter(s -> !s.isEmpty()).toList());
        return forms.attempt(null, model, locale, () -> notifications.registerWebhook(organizationId, draft))
            .map(issued -> shownOnce(issued, redirect))
            .orElseGet(() -> listPage(organizationId, draft, model));
    }

    private String listPage(UUID organizationId, WebhookDraft form, Model model) {
        UUID org = organizationId != null ? organizationId : CurrentActor.require().organizationId();
        model.addAttribute("webhooks", notifications.webhooks(org));
        model.addAttribute("organizationId", org);
        model.addAttribute("form", form);
        if (CurrentActor.require().isPlatformAdmin()) {
            model.addAttribute("organizations", directory.allOrganizations().stream()
                .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name, (a, b) -> a,
                    java.util.LinkedHashMap::new)));
        }
        model.addAttribute("orgName", directory.findOrganization(org).map(OrganizationView::name).orElse(""));
        return "notification/webhooks";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        WebhookView webhook = notifications.webhook(id);
        model.addAttribute("webhook", webhook);
        model.addAttribute("status", status);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("deliveries", notifications.deliveries(id, status, page, 20));
        model.addAttribute("orgName", directory.findOrganization(webhook.organizationId()).map(OrganizationView::name)
            .orElse(""));
        return "notification/webhook";
    }

    @PostMapping("/{id}/enabled")
    String enabled(@PathVariable UUID id, @RequestParam boolean value) {
        notifications.setWebhookEnabled(id, value);
        return "redirect:/notifications/webhooks/" + id;
    }

    @PostMapping("/{id}/secret")
    String rotate(@PathVariable UUID id, RedirectAttributes redirect) {
        return shownOnce(notifications.rotateWebhookSecret(id), redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id) {
        UUID org = notifications.webhook(id).organizationId();
        notifications.deleteWebhook(id);
        return "redirect:/notifications/webhooks?organizationId=" + org;
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId, Locale locale, Model model,
                     RedirectAttributes redirect) {
        return forms.attempt(null, model, locale, () -> notifications.redeliver(id, deliveryId))
            .map(d -> {
                redirect.addFlashAttribute("redelivered", d.id());
                return "redirect:/notifications/webhooks/" + id;
            })
            .orElseGet(() -> detail(id, null, 0, model));
    }

    /** The secret travels to the next page as a flash attribute only: shown once, never stored in clear. */
    private static String shownOnce(IssuedWebhookSecret issued, RedirectAttributes redirect) {
        redirect.addFlashAttribute("secret", issued.secret());
        return "redirect:/notifications/webhooks/" + issued.webhook().id();
    }
}
