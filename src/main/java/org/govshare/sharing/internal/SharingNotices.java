package org.govshare.sharing.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.notification.Notice;
import org.govshare.notification.NotificationManagement;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.Roles;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.ApplicationView;
import org.govshare.sharing.SharingEvents;
import org.govshare.sharing.SharingEvents.ApplicationEvent;
import org.govshare.sharing.SharingEvents.ApplicationRef;
import org.govshare.sharing.SharingEvents.GrantEvent;
import org.govshare.sharing.SharingPath;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever must act next: the authority for pre-checks, coordinations, disputes and overdue
 * stages; the provider's reviewers for reviews and supplements; the consumer's administrators and
 * stewards for decisions, requests for information and every change of their grants. After the
 * transition's commit, through the notification module (in-app, e-mail, webhooks).
 */
@Component
class SharingNotices {

    static final Set<String> AUTHORITY = Set.of(Roles.REVIEWER, Roles.ORG_ADMIN, Roles.PLATFORM_ADMIN);
    static final Set<String> REVIEWERS = Set.of(Roles.REVIEWER);
    static final Set<String> CONSUMER = Set.of(Roles.ORG_ADMIN, Roles.DATA_STEWARD);

    private final NotificationManagement notifications;
    private final SharingService sharing;
    private final DirectoryManagement directory;

    SharingNotices(NotificationManagement notifications, SharingService sharing, DirectoryManagement directory) {
        this.notifications = notifications;
        this.sharing = sharing;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(ApplicationEvent event) {
        CurrentActor.runAs(CurrentActor.system(), () -> {
            ApplicationRef a = event.application();
            ApplicationView view = sharing.summary(a.id());
            dispatch(event, a, view);
            return null;
        });
    }

    private void dispatch(ApplicationEvent event, ApplicationRef a, ApplicationView view) {
        if (event instanceof SharingEvents.ApplicationSubmitted) {
            if (a.state() == ApplicationState.PRECHECK) {
                toAuthority(event, view, "precheck-due");
            } else if (a.state() == ApplicationState.REVIEW) {
                to(a.providerId(), REVIEWERS, event, view, "review-due");
            } else if (a.state() == ApplicationState.COORDINATION) {
                toAuthority(event, view, "coordination-due");
            } else if (a.state() == ApplicationState.APPROVED) {
                to(a.consumerId(), CONSUMER, event, view, "granted-unconditionally");
            }
        } else if (event instanceof SharingEvents.ApplicationPrechecked e) {
            if (e.passed()) {
                to(a.providerId(), REVIEWERS, event, view, "review-due");
            } else {
                to(a.consumerId(), CONSUMER, event, view, "returned");
            }
        } else if (event instanceof SharingEvents.SupplementRequested) {
            to(a.consumerId(), CONSUMER, event, view, "supplement-requested");
        } else if (event instanceof SharingEvents.ApplicationSupplemented) {
            to(a.providerId(), REVIEWERS, event, view, "supplemented");
        } else if (event instanceof SharingEvents.ApplicationApproved) {
            if (a.path() != SharingPath.UNCONDITIONAL) {
                to(a.consumerId(), CONSUMER, event, view, "approved");
            }
        } else if (event instanceof SharingEvents.ApplicationRefused) {
            to(a.consumerId(), CONSUMER, event, view, "refused");
        } else if (event instanceof SharingEvents.ApplicationWithdrawn) {
            to(a.providerId(), REVIEWERS, event, view, "withdrawn");
        } else if (event instanceof SharingEvents.RefusalDisputed) {
            toAuthority(event, view, "dispute-due");
        } else if (event instanceof SharingEvents.DisputeDecided e) {
            String key = e.upheld() ? "refusal-upheld" : "refusal-overturned";
            to(a.consumerId(), CONSUMER, event, view, key);
            to(a.providerId(), REVIEWERS, event, view, key);
        } else if (event instanceof SharingEvents.CoordinationConcluded e) {
            to(a.consumerId(), CONSUMER, event, view, e.granted() ? "coordination-granted" : "coordination-not-granted");
        } else if (event instanceof SharingEvents.DeadlineApproaching) {
            if (view.state() == ApplicationState.REVIEW) {
                to(a.providerId(), REVIEWERS, event, view, "deadline-approaching");
            } else if (view.state().open() && view.state() != ApplicationState.SUPPLEMENT_REQUESTED) {
                toAuthority(event, view, "deadline-approaching");
            }
        } else if (event instanceof SharingEvents.ApplicationOverdue e) {
            toAuthority(event, view, "overdue");
            if (e.stage() == ApplicationState.REVIEW) {
                to(a.providerId(), Set.of(Roles.REVIEWER, Roles.ORG_ADMIN), event, view, "overdue");
            }
        }
    }

    @ApplicationModuleListener
    void on(GrantEvent event) {
        String key = event instanceof SharingEvents.GrantRenewed ? "grant-renewed"
            : event instanceof SharingEvents.GrantNarrowed ? "grant-narrowed"
            : event instanceof SharingEvents.GrantRevoked ? "grant-revoked"
            : event instanceof SharingEvents.GrantReviewFlagged ? "grant-review-flagged"
            : event instanceof SharingEvents.GrantReviewConfirmed ? "grant-review-confirmed"
            : event instanceof SharingEvents.GrantExpiring ? "grant-expiring"
            : null;
        if (key == null) {
            return;
        }
        CurrentActor.runAs(CurrentActor.system(), () -> {
            SharingEvents.GrantRef g = event.grant();
            var grant = sharing.grant(g.id());
            String link = "/sharing/grants/" + g.id();
            Map<String, Object> data = Map.of("grantId", g.id().toString(), "grantNumber", g.number(),
                "resourceId", g.resourceId().toString(), "clientApplicationId", g.clientApplicationId().toString());
            notifications.notify(Notice.of(g.consumerId(), CONSUMER, "sharing.grant." + event.action(),
                    "notice.sharing." + key, link, g.number(), grant.resourceName(), reasonOf(event.comment()))
                .about("sharing-grant", g.id()).withData(data));
            if (event instanceof SharingEvents.GrantReviewFlagged) {
                notifications.notify(Notice.of(g.providerId(), REVIEWERS, "sharing.grant.review-due",
                        "notice.sharing.grant-review-due", link, g.number(), grant.resourceName())
                    .about("sharing-grant", g.id()).withData(data));
            }
            return null;
        });
    }

    private void toAuthority(ApplicationEvent e, ApplicationView view, String key) {
        UUID authority = directory.allOrganizations().stream().filter(o -> o.type() == OrganizationType.AUTHORITY)
            .map(o -> o.id()).findFirst().orElse(null);
        if (authority != null) {
            to(authority, AUTHORITY, e, view, key);
        }
    }

    private void to(UUID organization, Set<String> roles, ApplicationEvent e, ApplicationView view, String key) {
        Map<String, Object> data = Map.of("applicationId", view.id().toString(), "applicationNumber", view.number(),
            "state", view.state().name(), "resourceId", view.resourceId().toString(),
            "dueDate", view.dueDate() == null ? "" : view.dueDate().toString());
        notifications.notify(Notice.of(organization, roles, "sharing.application." + e.action(),
                "notice.sharing." + key, "/sharing/applications/" + view.id(), view.number(), view.resourceName(),
                view.dueDate() == null ? "" : view.dueDate().toString(), reasonOf(e.comment()))
            .about("sharing-application", view.id()).withData(data));
    }

    private static String reasonOf(String comment) {
        return comment == null ? "" : comment.length() > 200 ? comment.substring(0, 200) + "…" : comment;
    }
}
