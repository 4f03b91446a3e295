package org.govshare.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.ShareType;
import org.govshare.directory.ClientApplicationView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.govshare.sharing.ApplicationDraft;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.ApplicationView;
import org.govshare.sharing.Approval;
import org.govshare.sharing.GrantChange;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.Mask;
import org.govshare.sharing.RowFilter;
import org.govshare.sharing.SharingEvents;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingPath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class SharingService implements SharingManagement {

    static final int MAX_TEXT = 1000;
    static final int MAX_DAILY_CALLS = 10_000_000;
    static final int MAX_PAGE = 200;

    private final Applications applications;
    private final Grants grants;
    private final SharingAccess access;
    private final Deadlines deadlines;
    private final SharingProperties props;
    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;

    SharingService(Applications applications, Grants grants, SharingAccess access, Deadlines deadlines,
                   SharingProperties props, CatalogManagement catalog, DirectoryManagement directory,
                   ApplicationEventPublisher events) {
        this.applications = applications;
        this.grants = grants;
        this.access = access;
        this.deadlines = deadlines;
        this.props = props;
        this.catalog = catalog;
        this.directory = directory;
        this.events = events;
    }

    // --- applying ---------------------------------------------------------------------------------

    @Override
    public ApplicationView apply(ApplicationDraft draft) {
        return submit(draft, false);
    }

    @Override
    public ApplicationView requestCoordination(ApplicationDraft draft) {
        return submit(draft, true);
    }

    private ApplicationView submit(ApplicationDraft draft, boolean coordination) {
        Actor actor = CurrentActor.require();
        SharingAccess.require(access.canApply(actor));
        if (draft == null || draft.resourceId() == null) {
            throw ProblemException.invalid("resourceId", "resource-required");
        }
        ResourceView resource = catalog.published(draft.resourceId())
            .orElseThrow(() -> ProblemException.invalid("resourceId", "resource-unavailable"));
        if (actor.belongsTo(resource.providerId())) {
            throw ProblemException.invalid("resourceId", "own-resource");
        }
        List<Violation> v = new ArrayList<>();
        Checked checked = checkDraft(draft, resource, v);
        List<String> items = checked.items();
        ClientApplicationView client = draft.clientApplicationId() == null ? null
            : CurrentActor.runAs(CurrentActor.system(), () -> findClient(draft.clientApplicationId()));
        if (draft.clientApplicationId() == null) {
            v.add(Violation.of("clientApplicationId", "client-application-required"));
        } else if (client == null || !actor.belongsTo(client.organizationId()) || !client.active()) {
            v.add(Violation.of("clientApplicationId", "client-application-not-own"));
        }
        List<String> notShared = notShared(resource, items);
        if (v.isEmpty() && !coordination && !notShared.isEmpty()) {
            for (String item : notShared) {
                String basis = basisOf(resource, item);
                v.add(Violation.of("items[" + items.indexOf(item) + "]", "item-not-shared", item,
                    basis == null ? "" : basis));
            }
        }
        if (v.isEmpty() && coordination && notShared.isEmpty()) {
            v.add(Violation.of("items", "coordination-not-needed"));
        }
        ViolationsException.throwIfAny(v);
        if (applications.openFor(client.id(), resource.id())) {
            throw ProblemException.conflict("resourceId", "application-open");
        }
        Instant now = deadlines.now();
        SharingPath path = coordination ? SharingPath.NOT_SHARED
            : allUnconditional(resource, items) ? SharingPath.UNCONDITIONAL : SharingPath.CONDITIONAL;
        Application a = new Application(UUID.randomUUID(), applications.nextNumber(now), path,
            ApplicationState.REVIEW, actor.organizationId(), client.id(), resource.id(), resource.code(),
            resource.name(), resource.publishedVersion(), resource.providerId(), items, draft.purpose().strip(),
            checked.purposes(), draft.basis().strip(), draft.scenario().strip(), draft.validFrom(), draft.validUntil(),
            draft.expectedDailyCalls(), actor.userId(), now, 0);
        switch (path) {
            case NOT_SHARED -> a.startCoordination(now, props.coordinationWorkingDays(), deadlines);
            case CONDITIONAL -> {
                if (props.precheckEnabled()) {
                    a.startPrecheck(now, props.precheckWorkingDays(), deadlines);
                } else {
                    a.startReview(now, props.reviewWorkingDays(), deadlines);
                }
            }
            case UNCONDITIONAL -> { }
        }
        ApplicationState submitted = path == SharingPath.UNCONDITIONAL ? ApplicationState.APPROVED : a.state;
        a.state = submitted;
        try {
            applications.insert(a, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same client and resource submitted at the same moment: the unique open index decided
            throw ProblemException.conflict("resourceId", "application-open");
        }
        applications.step(a.id, now, actor, "submitted", submitted, null, null);
        events.publishEvent(new SharingEvents.ApplicationSubmitted(a.ref(), actor, RequestIds.current(), a.purpose));
        if (path == SharingPath.UNCONDITIONAL) {
            Grant g = issue(a, Approval.asRequested(null), resource, actor, now, "granted-unconditionally");
            a.grantedAtOnce(now, g.id);
            applications.update(a, now);
            events.publishEvent(new SharingEvents.ApplicationApproved(a.ref(), g.id, actor, RequestIds.current(),
                "unconditional"));
        }
        return view(applications.find(a.id).orElseThrow(), true);
    }

    private ClientApplicationView findClient(UUID id) {
        try {
            return directory.clientApplication(id);
        } catch (ProblemException e) {
            return null;
        }
    }

    private record Checked(List<String> items, List<String> purposes) {
    }

    private Checked checkDraft(ApplicationDraft d, ResourceView resource, List<Violation> v) {
        List<String> known = resource.dataItems().stream().map(DataItemView::codeName).toList();
        List<String> items = d.items() == null ? List.of() : d.items();
        if (items.isEmpty()) {
            v.add(Violation.of("items", "items-required"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null || !known.contains(item)) {
                v.add(Violation.of("items[" + i + "]", "item-unknown", item));
            } else if (!seen.add(item)) {
                v.add(Violation.of("items[" + i + "]", "item-duplicate", item));
            }
        }
        text(v, "purpose", d.purpose());
        List<String> purposes = Scopes.statedPurposes(d.purpose(), d.purposes(), v);
        text(v, "basis", d.basis());
        text(v, "scenario", d.scenario());
        LocalDate today = deadlines.today();
        if (d.validFrom() == null) {
            v.add(Violation.of("validFrom", "period-start-required"));
        } else if (d.validFrom().isBefore(today)) {
            v.add(Violation.of("validFrom", "period-start-past", today));
        }
        if (d.validUntil() == null) {
            v.add(Violation.of("validUntil", "period-end-required"));
        } else if (d.validFrom() != null && d.validUntil().isBefore(d.validFrom())) {
            v.add(Violation.of("validUntil", "period-ends-before-start", d.validFrom()));
        } else if (d.validFrom() != null && d.validUntil().isAfter(d.validFrom().plusYears(props.maxPeriodYears()))) {
            v.add(Violation.of("validUntil", "period-too-long", props.maxPeriodYears()));
        }
        if (d.expectedDailyCalls() == null || d.expectedDailyCalls() < 1 || d.expectedDailyCalls() > MAX_DAILY_CALLS) {
            v.add(Violation.of("expectedDailyCalls", "expected-calls-range", 1, MAX_DAILY_CALLS));
        }
        return new Checked(List.copyOf(items), purposes);
    }

    private static void text(List<Violation> v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(Violation.of(field, "text-required"));
        } else if (value.length() > MAX_TEXT) {
            v.add(Violation.of(field, "text-too-long", MAX_TEXT));
        }
    }

    static ShareType shareTypeOf(ResourceView resource, String item) {
        if (resource.shareType() == ShareType.NOT_SHARED) {
            return ShareType.NOT_SHARED;
        }
        return resource.dataItems().stream().filter(i -> i.codeName().equals(item)).findFirst()
            .map(i -> i.shareType() == null ? resource.shareType() : i.shareType()).orElse(resource.shareType());
    }

    private static List<String> notShared(ResourceView resource, List<String> items) {
        return items.stream().filter(i -> shareTypeOf(resource, i) == ShareType.NOT_SHARED).toList();
    }

    private static boolean allUnconditional(ResourceView resource, List<String> items) {
        return items.stream().allMatch(i -> shareTypeOf(resource, i) == ShareType.UNCONDITIONAL);
    }

    private static String basisOf(ResourceView resource, String item) {
        return resource.dataItems().stream().filter(i -> i.codeName().equals(item)).findFirst()
            .map(DataItemView::legalBasis).filter(b -> b != null && !b.isBlank()).orElse(resource.legalBasis());
    }

    // --- the consumer's answers -------------------------------------------------------------------

    @Override
    public ApplicationView withdraw(UUID id, String reason) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.isConsumer(actor, a.consumerId));
        Instant now = deadlines.now();
        a.withdraw(now, blankToNull(reason));
        return save(a, actor, now, "withdrawn", reason,
            new SharingEvents.ApplicationWithdrawn(a.ref(), actor, RequestIds.current(), reason));
    }

    @Override
    public ApplicationView supplement(UUID id, String text) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.isConsumer(actor, a.consumerId));
        requireText("text", text);
        Instant now = deadlines.now();
        a.supplement(now, deadlines);
        return save(a, actor, now, "supplemented", text,
            new SharingEvents.ApplicationSupplemented(a.ref(), actor, RequestIds.current(), text));
    }

    @Override
    public ApplicationView dispute(UUID id, String reason) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.isConsumer(actor, a.consumerId));
        requireText("reason", reason);
        Instant now = deadlines.now();
        a.dispute(now, props.disputeWorkingDays(), deadlines);
        return save(a, actor, now, "disputed", reason,
            new SharingEvents.RefusalDisputed(a.ref(), actor, RequestIds.current(), reason));
    }

    // --- the authority and the provider -----------------------------------------------------------

    @Override
    public ApplicationView precheck(UUID id, boolean passed, String comment) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.actsForAuthority(actor));
        if (!passed) {
            requireText("comment", comment);
        }
        Instant now = deadlines.now();
        a.precheck(passed, blankToNull(comment), now, props.reviewWorkingDays(), deadlines);
        return save(a, actor, now, passed ? "precheck-passed" : "precheck-returned", comment,
            new SharingEvents.ApplicationPrechecked(a.ref(), passed, actor, RequestIds.current(), comment));
    }

    @Override
    public ApplicationView approve(UUID id, Approval approval) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.isReviewer(actor, a.providerId));
        a.require("approve", ApplicationState.REVIEW);
        Instant now = deadlines.now();
        Grant g = issue(a, approval == null ? Approval.asRequested(null) : approval, resourceOf(a), actor, now,
            "approved");
        a.approve(now, g.id, approval == null ? null : blankToNull(approval.comment()));
        return save(a, actor, now, "approved", approval == null ? null : approval.comment(),
            new SharingEvents.ApplicationApproved(a.ref(), g.id, actor, RequestIds.current(),
                approval == null ? null : approval.comment()));
    }

    @Override
    public ApplicationView refuse(UUID id, String reason) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.isReviewer(actor, a.providerId));
        requireText("reason", reason);
        Instant now = deadlines.now();
        a.refuse(now, reason.strip());
        return save(a, actor, now, "refused", reason,
            new SharingEvents.ApplicationRefused(a.ref(), actor, RequestIds.current(), reason));
    }

    @Override
    public ApplicationView askSupplement(UUID id, String question) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.isReviewer(actor, a.providerId));
        requireText("question", question);
        Instant now = deadlines.now();
        a.askSupplement(deadlines);
        return save(a, actor, now, "supplement-requested", question,
            new SharingEvents.SupplementRequested(a.ref(), actor, RequestIds.current(), question));
    }

    @Override
    public ApplicationView decideDispute(UUID id, boolean upheld, Approval overturnedWith, String reason) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.actsForAuthority(actor));
        requireText("reason", reason);
        Instant now = deadlines.now();
        UUID grant = null;
        if (!upheld) {
            a.require("decide-dispute", ApplicationState.DISPUTED);
            grant = issue(a, overturnedWith == null ? Approval.asRequested(reason) : overturnedWith, resourceOf(a),
                actor, now, "granted-on-dispute").id;
        }
        a.decideDispute(upheld, now, grant, reason.strip());
        return save(a, actor, now, upheld ? "refusal-upheld" : "refusal-overturned", reason,
            new SharingEvents.DisputeDecided(a.ref(), upheld, actor, RequestIds.current(), reason));
    }

    @Override
    public ApplicationView concludeCoordination(UUID id, boolean granted, Approval approval, String reason) {
        Actor actor = CurrentActor.require();
        Application a = locked(id, actor);
        SharingAccess.require(access.actsForAuthority(actor));
        requireText("reason", reason);
        Instant now = deadlines.now();
        UUID grant = null;
        if (granted) {
            a.require("conclude-coordination", ApplicationState.COORDINATION);
            grant = issue(a, approval == null ? Approval.asRequested(reason) : approval, resourceOf(a), actor, now,
                "granted-on-coordination").id;
        }
        a.concludeCoordination(granted, now, grant, reason.strip());
        return save(a, actor, now, granted ? "coordination-granted" : "coordination-not-granted", reason,
            new SharingEvents.CoordinationConcluded(a.ref(), granted, actor, RequestIds.current(), reason));
    }

    // --- reading applications ---------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public ApplicationView application(UUID id) {
        Actor actor = CurrentActor.require();
        Application a = applications.find(id).orElseThrow(() -> ProblemException.notFound("application", id));
        SharingAccess.require(access.canSee(actor, a.consumerId, a.providerId));
        return view(a, true);
    }

    @Override
    @Transactional(readOnly = true)
    public PageView<ApplicationView> applications(ApplicationFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        int s = clampSize(size);
        int p = Math.max(0, page);
        long total = applications.count(where, params);
        return pageOf(applications.page(where, params, p, s).stream().map(a -> view(a, false)).toList(),
            p, s, total);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ApplicationState, Long> countsByState(ApplicationFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Map<ApplicationState, Long> counts = new java.util.EnumMap<>(ApplicationState.class);
        for (ApplicationState state : ApplicationState.values()) {
            counts.put(state, 0L);
        }
        applications.countByState(where, params).forEach((state, n) -> counts.put(ApplicationState.valueOf(state), n));
        return counts;
    }

    /** The filter as SQL with positional parameters; the side is checked against the current actor. */
    private String where(ApplicationFilter filter, List<Object> params) {
        Actor actor = CurrentActor.require();
        SharingAccess.require(!actor.isClient());
        ApplicationFilter f = filter == null ? ApplicationFilter.of(Side.CONSUMER) : filter;
        StringBuilder where = new StringBuilder(side("consumer_id", "provider_id", f.side(), actor, params));
        if (f.state() != null) {
            where.append(" and state = ?");
            params.add(f.state().name());
        }
        if (f.path() != null) {
            where.append(" and path = ?");
            params.add(f.path().name());
        }
        if (f.resourceId() != null) {
            where.append(" and resource_id = ?");
            params.add(f.resourceId());
        }
        if (f.openOnly() || f.overdueOnly()) {
            where.append(" and state in ('PRECHECK', 'REVIEW', 'SUPPLEMENT_REQUESTED', 'DISPUTED', 'COORDINATION')");
        }
        if (f.overdueOnly()) {
            where.append(" and overdue_at is not null");
        }
        if (f.query() != null && !f.query().isBlank()) {
            where.append(" and (number ilike ? or resource_name ilike ? or resource_code ilike ? or purpose ilike ?)");
            String q = like(f.query());
            params.addAll(List.of(q, q, q, q));
        }
        return where.toString();
    }


    private String side(String consumerColumn, String providerColumn, Side side, Actor actor, List<Object> params) {
        Side s = side == null ? Side.CONSUMER : side;
        switch (s) {
            case ALL -> {
                SharingAccess.require(access.inAuthority(actor));
                return "true";
            }
            case PROVIDER -> {
                SharingAccess.require(actor.organizationId() != null);
                params.add(actor.organizationId());
                return providerColumn + " = ?";
            }
            default -> {
                SharingAccess.require(actor.organizationId() != null);
                params.add(actor.organizationId());
                return consumerColumn + " = ?";
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverdueCount> overdueByProvider() {
        SharingAccess.require(access.inAuthority(CurrentActor.require()));
        return applications.overdueByProvider().stream()
            .map(r -> new OverdueCount((UUID) r[0], (Long) r[1], (Long) r[2])).toList();
    }

    // --- grants -----------------------------------------------------------------------------------

    private Grant issue(Application a, Approval approval, ResourceView resource, Actor actor, Instant now,
                        String action) {
        List<String> resourceItems = resource.dataItems().stream().map(DataItemView::codeName).toList();
        List<Violation> v = new ArrayList<>();
        List<String> items = approval.items() == null ? a.items : approval.items();
        if (items.isEmpty()) {
            v.add(Violation.of("items", "grant-items-empty"));
        }
        for (int i = 0; i < items.size(); i++) {
            if (!a.items.contains(items.get(i)) || !resourceItems.contains(items.get(i))) {
                v.add(Violation.of("items[" + i + "]", "grant-item-not-requested", items.get(i)));
            }
        }
        if (new HashSet<>(items).size() != items.size()) {
            v.add(Violation.of("items", "item-duplicate", ""));
        }
        LocalDate until = approval.validUntil() == null ? a.validUntil : approval.validUntil();
        if (until.isAfter(a.validUntil) || until.isBefore(a.validFrom)) {
            v.add(Violation.of("validUntil", "grant-end-not-earlier", a.validFrom, a.validUntil));
        }
        int quota = approval.dailyQuota() == null ? a.expectedDailyCalls : approval.dailyQuota();
        if (quota < 1 || quota > a.expectedDailyCalls) {
            v.add(Violation.of("dailyQuota", "grant-quota-not-lower", a.expectedDailyCalls));
        }
        List<RowFilter> scope = approval.rowScope() == null ? List.of() : approval.rowScope();
        v.addAll(Scopes.checkFilters("rowScope", scope, resourceItems, Scopes.numericItems(resource.dataItems())));
        Map<String, Mask> masks = Scopes.defaults(resource.dataItems(), items);
        if (approval.masks() != null) {
            v.addAll(Scopes.checkMasks("masks", approval.masks(), items));
            masks.putAll(approval.masks());
        }
        List<String> purposes = a.purposes;
        if (approval.purposes() != null) {
            v.addAll(Scopes.checkPurposeSubset("purposes", approval.purposes(), a.purposes));
            purposes = Scopes.granted(approval.purposes(), a.purposes);
        }
        ViolationsException.throwIfAny(v);
        masks.keySet().retainAll(items);
        Grant g = new Grant(UUID.randomUUID(), grants.nextNumber(now), a.id, a.consumerId, a.clientApplicationId,
            a.resourceId, a.resourceCode, a.resourceName, a.providerId, resource.publishedVersion(), items, purposes,
            scope,
            masks, quota, a.validFrom, until, now, 0);
        grants.insert(g, now);
        grants.step(g.id, now, actor, "issued", approval.comment(), Map.of("via", action, "application", a.number));
        events.publishEvent(new SharingEvents.GrantIssued(g.ref(), actor, RequestIds.current(), action));
        return g;
    }

    @Override
    @Transactional(readOnly = true)
    public GrantView grant(UUID id) {
        Actor actor = CurrentActor.require();
        Grant g = grants.find(id).orElseThrow(() -> ProblemException.notFound("grant", id));
        boolean ownClient = actor.isClient() && g.clientApplicationId.equals(actor.clientApplicationId());
        SharingAccess.require(ownClient || access.canSee(actor, g.consumerId, g.providerId));
        return view(g);
    }

    @Override
    @Transactional(readOnly = true)
    public List<org.govshare.sharing.GrantStep> grantHistory(UUID id) {
        grant(id);
        return grants.steps(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClientApplicationView> clientsToApplyWith() {
        Actor actor = CurrentActor.require();
        SharingAccess.require(access.canApply(actor));
        return CurrentActor.runAs(CurrentActor.system(), () -> directory.clientApplications(actor.organizationId(),
                org.springframework.data.domain.PageRequest.of(0, MAX_PAGE)).getContent())
            .stream().filter(ClientApplicationView::active).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public PageView<GrantView> grants(GrantFilter filter, int page, int size) {
        Actor actor = CurrentActor.require();
        SharingAccess.require(!actor.isClient());
        GrantFilter f = filter == null ? GrantFilter.of(Side.CONSUMER) : filter;
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(side("consumer_id", "provider_id", f.side(), actor, params));
        LocalDate today = deadlines.today();
        if (f.state() != null) {
            switch (f.state()) {
                case REVOKED -> where.append(" and revoked");
                case PENDING -> {
                    where.append(" and not revoked and valid_from > ?");
                    params.add(today);
                }
                case EXPIRED -> {
                    where.append(" and not revoked and valid_until < ?");
                    params.add(today);
                }
                case ACTIVE -> {
                    where.append(" and not revoked and valid_from <= ? and valid_until >= ?");
                    params.add(today);
                    params.add(today);
                }
            }
        }
        if (f.resourceId() != null) {
            where.append(" and resource_id = ?");
            params.add(f.resourceId());
        }
        if (f.reviewNeededOnly()) {
            where.append(" and review_needed");
        }
        if (f.query() != null && !f.query().isBlank()) {
            where.append(" and (number ilike ? or resource_name ilike ? or resource_code ilike ?)");
            String q = like(f.query());
            params.addAll(List.of(q, q, q));
        }
        int s = clampSize(size);
        int p = Math.max(0, page);
        long total = grants.count(where.toString(), params);
        return pageOf(grants.page(where.toString(), params, p, s).stream().map(this::view).toList(), p, s, total);
    }

    @Override
    public GrantView renew(UUID id, LocalDate validUntil, String reason) {
        Actor actor = CurrentActor.require();
        Grant g = lockedGrant(id, actor);
        requireGrantManager(actor, g);
        Instant now = deadlines.now();
        g.renew(validUntil, deadlines.today().plusYears(props.maxPeriodYears()));
        return saveGrant(g, actor, now, "renewed", reason, Map.of("validUntil", validUntil.toString()),
            new SharingEvents.GrantRenewed(g.ref(), actor, RequestIds.current(), "until " + validUntil
                + (reason == null ? "" : ": " + reason)));
    }

    @Override
    public GrantView narrow(UUID id, GrantChange change) {
        Actor actor = CurrentActor.require();
        Grant g = lockedGrant(id, actor);
        requireGrantManager(actor, g);
        if (change == null) {
            throw ProblemException.invalid("items", "grant-change-empty");
        }
        requireText("reason", change.reason());
        Optional<ResourceView> published = catalog.published(g.resourceId);
        List<String> resourceItems = published
            .map(r -> r.dataItems().stream().map(DataItemView::codeName).toList()).orElse(g.items);
        Instant now = deadlines.now();
        g.narrow(change, resourceItems, published.map(r -> Scopes.numericItems(r.dataItems())).orElse(java.util.Set.of()));
        return saveGrant(g, actor, now, "narrowed", change.reason(), null,
            new SharingEvents.GrantNarrowed(g.ref(), actor, RequestIds.current(), change.reason()));
    }

    @Override
    public GrantView revoke(UUID id, String reason) {
        Actor actor = CurrentActor.require();
        Grant g = lockedGrant(id, actor);
        requireGrantManager(actor, g);
        requireText("reason", reason);
        Instant now = deadlines.now();
        g.revoke(reason.strip(), now);
        return saveGrant(g, actor, now, "revoked", reason, null,
            new SharingEvents.GrantRevoked(g.ref(), actor, RequestIds.current(), reason));
    }

    @Override
    public GrantView confirmReview(UUID id, String comment) {
        Actor actor = CurrentActor.require();
        Grant g = lockedGrant(id, actor);
        requireGrantManager(actor, g);
        ResourceView resource = catalog.published(g.resourceId)
            .orElseThrow(() -> ProblemException.conflict("resourceId", "resource-unavailable"));
        Instant now = deadlines.now();
        g.confirmReview(resource.publishedVersion(), resource.dataItems().stream().map(DataItemView::codeName).toList());
        return saveGrant(g, actor, now, "review-confirmed", comment,
            Map.of("resourceVersion", resource.publishedVersion()),
            new SharingEvents.GrantReviewConfirmed(g.ref(), actor, RequestIds.current(), comment));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GrantView> activeGrant(UUID clientApplicationId, UUID resourceId) {
        Actor actor = CurrentActor.require();
        boolean self = actor.isClient() && clientApplicationId.equals(actor.clientApplicationId());
        SharingAccess.require(self || access.inAuthority(actor));
        return grants.valid(clientApplicationId, resourceId, deadlines.today()).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GrantView> latestGrant(UUID clientApplicationId, UUID resourceId) {
        Actor actor = CurrentActor.require();
        boolean self = actor.isClient() && clientApplicationId.equals(actor.clientApplicationId());
        SharingAccess.require(self || access.inAuthority(actor));
        return grants.latest(clientApplicationId, resourceId).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<GrantView> activeGrants(UUID clientApplicationId) {
        Actor actor = CurrentActor.require();
        boolean self = actor.isClient() && clientApplicationId.equals(actor.clientApplicationId());
        SharingAccess.require(self || access.inAuthority(actor));
        return grants.validOfClient(clientApplicationId, deadlines.today()).stream().map(this::view).toList();
    }

    /** Flags the resource's grants for review (a new version, a withdrawal); run by the catalog listener. */
    void flagGrants(UUID resourceId, String reason, java.util.function.Predicate<Grant> which) {
        Actor system = CurrentActor.system();
        Instant now = deadlines.now();
        for (Grant g : grants.lockOfResource(resourceId)) {
            if (which.test(g) && g.flagForReview(reason)) {
                saveGrant(g, system, now, "review-flagged", reason, null,
                    new SharingEvents.GrantReviewFlagged(g.ref(), system, null, reason));
            }
        }
    }

    private void requireGrantManager(Actor actor, Grant g) {
        SharingAccess.require(access.isReviewer(actor, g.providerId) || access.actsForAuthority(actor));
    }

    private Grant lockedGrant(UUID id, Actor actor) {
        Grant g = grants.lock(id).orElseThrow(() -> ProblemException.notFound("grant", id));
        SharingAccess.require(access.canSee(actor, g.consumerId, g.providerId));
        return g;
    }

    private GrantView saveGrant(Grant g, Actor actor, Instant now, String action, String comment, Object detail,
                                Object event) {
        grants.update(g, now);
        grants.step(g.id, now, actor, action, blankToNull(comment), detail);
        events.publishEvent(event);
        return view(grants.find(g.id).orElseThrow());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Application locked(UUID id, Actor actor) {
        Application a = applications.lock(id).orElseThrow(() -> ProblemException.notFound("application", id));
        SharingAccess.require(access.canSee(actor, a.consumerId, a.providerId));
        return a;
    }

    private ResourceView resourceOf(Application a) {
        return catalog.published(a.resourceId)
            .orElseThrow(() -> ProblemException.conflict("resourceId", "resource-unavailable"));
    }

    private ApplicationView save(Application a, Actor actor, Instant now, String action, String comment, Object event) {
        applications.update(a, now);
        applications.step(a.id, now, actor, action, a.state, blankToNull(comment), null);
        events.publishEvent(event);
        return view(applications.find(a.id).orElseThrow(), true);
    }

    /** An application without its timeline, for the platform's own listeners (no access check: no caller). */
    ApplicationView summary(UUID id) {
        return view(applications.find(id).orElseThrow(() -> ProblemException.notFound("application", id)), false);
    }

    ApplicationView view(Application a, boolean withSteps) {
        return new ApplicationView(a.id, a.number, a.path, a.state, a.consumerId, a.clientApplicationId, a.resourceId,
            a.resourceCode, a.resourceName, a.resourceVersion, a.providerId, a.items, a.purpose, a.purposes, a.basis,
            a.scenario,
            a.validFrom, a.validUntil, a.expectedDailyCalls,
            a.deadline == null ? null : Deadlines.dueDateOf(a.deadline),
            a.deadline == null ? null : deadlines.workingDaysLeft(a.deadline), a.overdueAt != null,
            a.decisionReason, a.grantId, a.submittedAt, a.decidedAt, a.version,
            withSteps ? applications.steps(a.id) : List.of());
    }

    GrantView view(Grant g) {
        return new GrantView(g.id, g.number, g.applicationId, g.consumerId, g.clientApplicationId, g.resourceId,
            g.resourceCode, g.resourceName, g.providerId, g.resourceVersion, g.items, g.purposes, g.rowScope,
            new LinkedHashMap<>(g.masks), g.dailyQuota, g.validFrom, g.validUntil, g.state(deadlines.today()),
            g.revokedReason, g.reviewNeeded, g.reviewReason, g.version, g.createdAt, g.updatedAt);
    }

    /** A case-insensitive substring pattern for ILIKE with the user's wildcards taken literally. */
    private static String like(String query) {
        return "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static <T> PageView<T> pageOf(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private static int clampSize(int size) {
        return size < 1 ? 20 : Math.min(size, MAX_PAGE);
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "text-required");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "text-too-long", MAX_TEXT);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
