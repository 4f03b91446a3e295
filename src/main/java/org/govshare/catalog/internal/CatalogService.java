package org.govshare.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogEvents.ResourceEdited;
import org.govshare.catalog.CatalogEvents.ResourcePublished;
import org.govshare.catalog.CatalogEvents.ResourceRegistered;
import org.govshare.catalog.CatalogEvents.ResourceReturned;
import org.govshare.catalog.CatalogEvents.ResourceSubmitted;
import org.govshare.catalog.CatalogEvents.ResourceWithdrawn;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.Classification;
import org.govshare.catalog.ResourceDraft;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceSummary;
import org.govshare.catalog.PublishedResource;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.VersionDiff;
import org.govshare.catalog.VersionView;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CatalogService implements CatalogManagement {

    private final Resources resources;
    private final ResourceVersions versions;
    private final Classifications classifications;
    private final CatalogAccess access;
    private final ResourceListing listing;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final ZoneId zone;

    CatalogService(Resources resources, ResourceVersions versions, Classifications classifications, CatalogAccess access,
                   ResourceListing listing, JdbcClient jdbc, ApplicationEventPublisher events,
                   @Value("${govshare.display-zone:Asia/Shanghai}") String zone) {
        this.resources = resources;
        this.versions = versions;
        this.classifications = classifications;
        this.access = access;
        this.listing = listing;
        this.jdbc = jdbc;
        this.events = events;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Classification> classifications() {
        return classifications.all();
    }

    @Override
    public ResourceView register(ResourceDraft draft) {
        Actor actor = CurrentActor.require();
        if (actor.organizationId() == null || !access.canCatalogue(actor, actor.organizationId())) {
            throw forbidden();
        }
        return registerFor(actor, actor.organizationId(), draft);
    }

    @Override
    public ResourceView register(UUID providerId, ResourceDraft draft) {
        Actor actor = CurrentActor.require();
        if (!access.canCatalogue(actor, providerId) && !access.isAuthority(actor)) {
            throw forbidden();
        }
        if (!access.organizationExists(providerId)) {
            throw ProblemException.invalid("providerId", "organization-unknown");
        }
        return registerFor(actor, providerId, draft);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Violation> check(ResourceDraft draft) {
        CurrentActor.require();
        return rules(draft, null);
    }

    private ResourceView registerFor(Actor actor, UUID providerId, ResourceDraft draft) {
        check(draft, null);
        Resource resource = Resource.register(classifications.nextCode(draft.classificationCode().trim()), providerId,
            draft, now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceRegistered(resource.id(), resource.code(), providerId, actor, RequestIds.current()));
        return resource.view();
    }

    @Override
    public ResourceView edit(UUID id, long expectedVersion, ResourceDraft draft) {
        Actor actor = CurrentActor.require();
        Resource resource = catalogued(actor, id);
        if (!resource.status().editable()) {
            throw ProblemException.conflict("status", "not-editable", resource.status());
        }
        if (resource.version() != expectedVersion) {
            throw ProblemException.conflict("version", "stale-version");
        }
        check(draft, resource.code());
        String code = resource.code();
        if (resource.publishedVersion() == 0 && !draft.classificationCode().trim().equals(resource.classificationCode())) {
            code = classifications.nextCode(draft.classificationCode().trim());
        }
        resource.edit(draft, code, now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceEdited(id, resource.code(), resource.providerId(), actor, RequestIds.current()));
        return resource.view();
    }

    @Override
    public ResourceView submit(UUID id) {
        Actor actor = CurrentActor.require();
        Resource resource = catalogued(actor, id);
        resource.submit(now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceSubmitted(id, resource.code(), resource.providerId(), actor, RequestIds.current()));
        return resource.view();
    }

    @Override
    public ResourceView approve(UUID id, String comment) {
        Actor actor = reviewer();
        Resource resource = existing(id);
        int version = resource.approve(actor.name(), comment, now(), LocalDate.now(clock.withZone(zone)));
        resource = resources.save(resource);
        ResourceView published = resource.view();
        versions.publish(published, version, actor.name(), comment, now());
        changed(resource);
        events.publishEvent(new ResourcePublished(id, resource.code(), resource.providerId(), version, actor,
            RequestIds.current()));
        return published;
    }

    @Override
    public ResourceView returnForRevision(UUID id, String comment) {
        Actor actor = reviewer();
        Resource resource = existing(id);
        resource.returnForRevision(actor.name(), comment, now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceReturned(id, resource.code(), resource.providerId(), comment, actor,
            RequestIds.current()));
        return resource.view();
    }

    @Override
    public ResourceView startChange(UUID id) {
        Actor actor = CurrentActor.require();
        Resource resource = catalogued(actor, id);
        resource.startChange(now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceEdited(id, resource.code(), resource.providerId(), actor, RequestIds.current()));
        return resource.view();
    }

    @Override
    public ResourceView discardChange(UUID id) {
        Actor actor = CurrentActor.require();
        Resource resource = catalogued(actor, id);
        ResourceView published = versions.latest(id).orElseThrow(() -> ProblemException.conflict("status", "no-change"));
        resource.discardChange(published, now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceEdited(id, resource.code(), resource.providerId(), actor, RequestIds.current()));
        return resource.view();
    }

    @Override
    public ResourceView withdraw(UUID id, String reason) {
        Actor actor = CurrentActor.require();
        Resource resource = existing(id);
        if (!access.canCatalogue(actor, resource.providerId()) && !access.isAuthority(actor)) {
            throw forbidden();
        }
        resource.withdraw(reason, now());
        resource = resources.save(resource);
        changed(resource);
        events.publishEvent(new ResourceWithdrawn(id, resource.code(), resource.providerId(), reason, actor,
            RequestIds.current()));
        return resource.view();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResourceView> find(UUID id) {
        return resources.findById(id).map(this::visible);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResourceView> findByCode(String code) {
        return resources.findByCode(code).map(this::visible);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResourceView> published(UUID id) {
        CurrentActor.require();
        return resources.findById(id)
            .filter(resource -> resource.status().hasPublishedVersion())
            .flatMap(resource -> versions.latest(resource.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PublishedResource> publishedResources(UUID providerId, String text) {
        CurrentActor.require();
        return versions.newestPublished(providerId, text);
    }

    private ResourceView visible(Resource resource) {
        Actor actor = CurrentActor.require();
        if (access.seesWorkingCopy(actor, resource.providerId())) {
            return resource.view();
        }
        if (resource.status().hasPublishedVersion()) {
            return versions.latest(resource.id()).orElseThrow();
        }
        throw forbidden();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ResourceSummary> resources(ResourceFilter filter, Pageable page) {
        Actor actor = CurrentActor.require();
        boolean authority = access.isAuthority(actor);
        return listing.list(filter, page, authority ? null : actor.organizationId(), authority);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionView> versions(UUID id) {
        find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        return versions.all(id);
    }

    @Override
    @Transactional(readOnly = true)
    public VersionDiff diff(UUID id, int from, int to) {
        find(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        ResourceView a = versions.version(id, from).orElseThrow(() -> ProblemException.notFound("version", from));
        ResourceView b = versions.version(id, to).orElseThrow(() -> ProblemException.notFound("version", to));
        return VersionDiffer.diff(from, a, to, b);
    }

    // ---- helpers

    private void check(ResourceDraft draft, String ownCode) {
        ViolationsException.throwIfAny(rules(draft, ownCode));
    }

    private List<Violation> rules(ResourceDraft draft, String ownCode) {
        return ResourceRules.check(draft, classifications, code -> resources.existsByCode(code),
            access::organizationExists, ownCode);
    }

    private Resource existing(UUID id) {
        return resources.findById(id).orElseThrow(() -> ProblemException.notFound("resource", id));
    }

    /** The resource, if the actor catalogues for its provider (or is the authority). */
    private Resource catalogued(Actor actor, UUID id) {
        Resource resource = existing(id);
        if (!access.canCatalogue(actor, resource.providerId()) && !access.isAuthority(actor)) {
            throw forbidden();
        }
        return resource;
    }

    private Actor reviewer() {
        Actor actor = CurrentActor.require();
        if (!access.canReview(actor)) {
            throw forbidden();
        }
        return actor;
    }

    private void changed(Resource resource) {
        jdbc.sql("insert into catalog_change_log (resource_id) values (?)").param(resource.id()).update();
    }

    private static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    private Instant now() {
        return clock.instant();
    }
}
