package org.govshare.notification.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.Role;
import org.govshare.directory.UserView;
import org.govshare.notification.DeliveryStatus;
import org.govshare.notification.DeliveryView;
import org.govshare.notification.IssuedWebhookSecret;
import org.govshare.notification.Notice;
import org.govshare.notification.NoticeView;
import org.govshare.notification.NotificationEvents.DeliveryRequeued;
import org.govshare.notification.NotificationEvents.WebhookChanged;
import org.govshare.notification.NotificationManagement;
import org.govshare.notification.WebhookDraft;
import org.govshare.notification.WebhookView;
import org.govshare.notification.internal.NotificationStore.NoticeRow;
import org.govshare.notification.internal.NotificationStore.WebhookRow;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Roles;
import org.govshare.platform.SecretBox;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices and their channels: stores a notice with its outbox rows in the caller's transaction,
 * answers the current person's inbox, and manages an organization's webhook endpoints (its
 * ORG_ADMIN, or a platform administrator). Sending happens later, in {@link NotificationSender}.
 */
@Service
@Transactional
class NotificationService implements NotificationManagement {

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PAGE = 200;

    private final NotificationStore store;
    private final DirectoryManagement directory;
    private final SecretBox secrets;
    private final NoticeTexts texts;
    private final MailChannel mail;
    private final NotificationSender sender;
    private final WebhookTargets targets;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    NotificationService(NotificationStore store, DirectoryManagement directory, SecretBox secrets, NoticeTexts texts,
                        MailChannel mail, NotificationSender sender, NotificationProperties properties,
                        ApplicationEventPublisher events) {
        this.store = store;
        this.directory = directory;
        this.secrets = secrets;
        this.texts = texts;
        this.mail = mail;
        this.sender = sender;
        this.targets = new WebhookTargets(properties.webhooks().allowHttp(), properties.webhooks().allowPrivateNetworks());
        this.events = events;
    }

    // ---- notify

    @Override
    public UUID notify(Notice notice) {
        check(notice);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insertNotice(id, notice.organizationId(), notice.roles(), notice.kind().strip(), notice.messageKey().strip(),
            notice.args(), notice.link(), blankToNull(notice.subjectType()), blankToNull(notice.subjectId()),
            notice.data(), now);
        if (mail.enabled()) {
            for (UserView u : recipients(notice)) {
                store.insertMail(id, u.id(), u.email().strip(), now);
            }
        }
        store.insertDeliveries(id, notice.organizationId(), notice.kind().strip(), now);
        wakeSenderAfterCommit();
        return id;
    }

    private void check(Notice notice) {
        if (notice == null) {
            throw ProblemException.invalid("notice", "required", "notice");
        }
        List<Violation> v = new ArrayList<>();
        if (notice.organizationId() == null) {
            v.add(Violation.of("organizationId", "required", "organizationId"));
        } else if (CurrentActor.runAs(CurrentActor.system(), () -> directory.findOrganization(notice.organizationId()))
                .isEmpty()) {
            v.add(Violation.of("organizationId", "organization-unknown"));
        }
        for (String role : notice.roles()) {
            if (!Roles.PERSON_ROLES.contains(role)) {
                v.add(Violation.of("roles", "notice-role-unknown", role));
            }
        }
        if (notice.kind() == null || notice.kind().isBlank()) {
            v.add(Violation.of("kind", "required", "kind"));
        } else if (!KIND.matcher(notice.kind().strip()).matches()) {
            v.add(Violation.of("kind", "notice-kind-format"));
        }
        if (notice.messageKey() == null || notice.messageKey().isBlank()) {
            v.add(Violation.of("messageKey", "required", "messageKey"));
        } else if (notice.messageKey().length() > 200) {
            v.add(Violation.of("messageKey", "too-long", 200));
        }
        if (!isConsolePath(notice.link())) {
            v.add(Violation.of("link", "notice-link-format"));
        }
        if (notice.subjectType() != null && notice.subjectType().length() > 64) {
            v.add(Violation.of("subjectType", "too-long", 64));
        }
        if (notice.subjectId() != null && notice.subjectId().length() > 100) {
            v.add(Violation.of("subjectId", "too-long", 100));
        }
        ViolationsException.throwIfAny(v);
    }

    /** A path of this site ("/x..."), never another host ("//host", "/\host") the console would redirect to. */
    static boolean isConsolePath(String link) {
        return link != null && link.length() <= 1000 && link.startsWith("/") && !link.startsWith("//")
            && link.indexOf('\\') < 0 && link.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The organization's enabled users holding any of the notice's roles, with an e-mail address. */
    private List<UserView> recipients(Notice notice) {
        return CurrentActor.runAs(CurrentActor.system(), () -> {
            List<UserView> out = new ArrayList<>();
            int page = 0;
            Page<UserView> users;
            do {
                users = directory.users(notice.organizationId(), "", PageRequest.of(page++, 500));
                for (UserView u : users) {
                    if (u.enabled() && u.email() != null && !u.email().isBlank()
                            && (notice.roles().isEmpty() || u.roles().stream().map(Role::name).anyMatch(notice.roles()::contains))) {
                        out.add(u);
                    }
                }
            } while (users.hasNext());
            return out;
        });
    }

    private void wakeSenderAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        } else {
            sender.wake();
        }
    }

    // ---- inbox

    @Override
    @Transactional(readOnly = true)
    public PageView<NoticeView> inbox(boolean unreadOnly, int page, int size, Locale locale) {
        Actor p = person();
        int s = Math.max(1, Math.min(size, MAX_PAGE));
        int pg = Math.max(0, page);
        long total = store.count(p.userId(), p.organizationId(), p.roles(), unreadOnly);
        List<NoticeView> items = store.inbox(p.userId(), p.organizationId(), p.roles(), unreadOnly, s, (long) pg * s)
            .stream().map(n -> view(n, locale)).toList();
        return new PageView<>(items, pg, s, total, (int) ((total + s - 1) / s));
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount() {
        Actor p = person();
        return store.count(p.userId(), p.organizationId(), p.roles(), true);
    }

    @Override
    public NoticeView markRead(UUID noticeId, Locale locale) {
        Actor p = person();
        NoticeRow row = store.visibleNotice(noticeId, p.userId(), p.organizationId(), p.roles())
            .orElseThrow(() -> ProblemException.notFound("notice", noticeId));
        if (!row.read()) {
            store.markRead(p.userId(), noticeId, clock.instant());
        }
        return new NoticeView(row.id(), row.kind(), texts.render(row, locale), row.link(), row.subjectType(),
            row.subjectId(), row.createdAt(), true);
    }

    @Override
    public long markAllRead() {
        Actor p = person();
        long unread = store.count(p.userId(), p.organizationId(), p.roles(), true);
        if (unread > 0) {
            store.markAllRead(p.userId(), p.organizationId(), p.roles());
        }
        return unread;
    }

    private NoticeView view(NoticeRow n, Locale locale) {
        return new NoticeView(n.id(), n.kind(), texts.render(n, locale), n.link(), n.subjectType(), n.subjectId(),
            n.createdAt(), n.read());
    }

    /** Notices are for people of an organization; client applications and the platform itself have no inbox. */
    private static Actor person() {
        Actor actor = CurrentActor.require();
        if (actor.isClient() || actor.userId() == null || actor.organizationId() == null) {
            throw forbidden();
        }
        return actor;
    }

    // ---- webhooks

    @Override
    @Transactional(readOnly = true)
    public List<WebhookView> webhooks(UUID organizationId) {
        Actor actor = CurrentActor.require();
        UUID org = organizationOf(actor, organizationId);
        manager(actor, org);
        return store.webhooks(org).stream().map(WebhookRow::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public WebhookView webhook(UUID id) {
        return managed(id).view();
    }

    @Override
    public IssuedWebhookSecret registerWebhook(UUID organizationId, WebhookDraft draft) {
        Actor actor = CurrentActor.require();
        UUID org = organizationOf(actor, organizationId);
        manager(actor, org);
        if (directory.findOrganization(org).isEmpty()) {
            throw ProblemException.invalid("organizationId", "organization-unknown");
        }
        if (draft == null) {
            throw ProblemException.invalid("url", "required", "url");
        }
        URI url = checkUrl(draft.url());
        List<Violation> v = new ArrayList<>();
        String description = blankToNull(draft.description());
        if (description != null && description.length() > 500) {
            v.add(Violation.of("description", "too-long", 500));
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String k : draft.kinds()) {
            if (k == null || !KIND.matcher(k.strip()).matches()) {
                v.add(Violation.of("kinds", "notice-kind-format"));
            } else {
                kinds.add(k.strip());
            }
        }
        ViolationsException.throwIfAny(v);
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        store.insertWebhook(id, org, url.toString(), description, List.copyOf(kinds), secrets.seal(secret), actor.name(),
            clock.instant());
        events.publishEvent(new WebhookChanged(id, org, url.toString(), "registered", actor, RequestIds.current()));
        return new IssuedWebhookSecret(store.webhook(id).orElseThrow().view(), secret);
    }

    /** Form of the URL and where it points, as 422 problems naming {@code url}. */
    private URI checkUrl(String url) {
        try {
            URI uri = targets.parse(url);
            targets.checkTarget(uri);
            return uri;
        } catch (WebhookTargets.Refused r) {
            if ("required".equals(r.code())) {
                throw ProblemException.invalid("url", "required", "url");
            }
            throw ProblemException.invalid("url", r.code(), r.getMessage());
        }
    }

    @Override
    public WebhookView setWebhookEnabled(UUID id, boolean enabled) {
        Actor actor = CurrentActor.require();
        WebhookRow row = managed(id);
        if (row.enabled() != enabled) {
            store.setEnabled(id, enabled, clock.instant());
            events.publishEvent(new WebhookChanged(id, row.organizationId(), row.url(), enabled ? "enabled" : "disabled",
                actor, RequestIds.current()));
            if (enabled) {
                wakeSenderAfterCommit();
            }
        }
        return store.webhook(id).orElseThrow().view();
    }

    @Override
    public void deleteWebhook(UUID id) {
        Actor actor = CurrentActor.require();
        WebhookRow row = managed(id);
        store.deleteWebhook(id);
        events.publishEvent(new WebhookChanged(id, row.organizationId(), row.url(), "deleted", actor,
            RequestIds.current()));
    }

    @Override
    public IssuedWebhookSecret rotateWebhookSecret(UUID id) {
        Actor actor = CurrentActor.require();
        WebhookRow row = managed(id);
        String secret = newSecret();
        store.setSecret(id, secrets.seal(secret), clock.instant());
        events.publishEvent(new WebhookChanged(id, row.organizationId(), row.url(), "secret-rotated", actor,
            RequestIds.current()));
        return new IssuedWebhookSecret(store.webhook(id).orElseThrow().view(), secret);
    }

    @Override
    @Transactional(readOnly = true)
    public PageView<DeliveryView> deliveries(UUID webhookId, DeliveryStatus status, int page, int size) {
        managed(webhookId);
        int s = Math.max(1, Math.min(size, MAX_PAGE));
        int pg = Math.max(0, page);
        long total = store.countDeliveries(webhookId, status);
        return new PageView<>(store.deliveries(webhookId, status, s, (long) pg * s), pg, s, total,
            (int) ((total + s - 1) / s));
    }

    @Override
    public DeliveryView redeliver(UUID webhookId, UUID deliveryId) {
        Actor actor = CurrentActor.require();
        WebhookRow row = managed(webhookId);
        DeliveryView d = store.delivery(deliveryId).filter(x -> x.webhookId().equals(webhookId))
            .orElseThrow(() -> ProblemException.notFound("delivery", deliveryId));
        if (!store.requeue(d.id(), clock.instant())) {
            throw ProblemException.conflict("id", "delivery-in-progress");
        }
        events.publishEvent(new DeliveryRequeued(d.id(), webhookId, row.organizationId(), actor, RequestIds.current()));
        wakeSenderAfterCommit();
        return store.delivery(deliveryId).orElseThrow();
    }

    private WebhookRow managed(UUID id) {
        Actor actor = CurrentActor.require();
        WebhookRow row = store.webhook(id).orElseThrow(() -> ProblemException.notFound("webhook", id));
        manager(actor, row.organizationId());
        return row;
    }

    private static UUID organizationOf(Actor actor, UUID requested) {
        UUID org = requested != null ? requested : actor.organizationId();
        if (org == null) {
            throw ProblemException.invalid("organizationId", "required", "organizationId");
        }
        return org;
    }

    /** Webhooks of an organization: its ORG_ADMIN; the sharing authority's platform administrators any. */
    static void manager(Actor actor, UUID organizationId) {
        if (actor.isPlatformAdmin() && !actor.isClient()) {
            return;
        }
        if (!actor.isClient() && actor.belongsTo(organizationId) && actor.hasRole(Roles.ORG_ADMIN)) {
            return;
        }
        throw forbidden();
    }

    /** 32 random bytes, base64url, with a prefix that says what it is. */
    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
