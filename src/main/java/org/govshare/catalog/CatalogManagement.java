package org.govshare.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.platform.Violation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Cataloguing and review. A department's data stewards (and administrators) register and edit
 * their own resources; the sharing authority reviews them. Unpublished resources are visible only
 * to their provider and the authority; published ones to every signed-in person.
 */
public interface CatalogManagement {

    List<Classification> classifications();

    ResourceView register(ResourceDraft draft);

    /**
     * Checks a draft against the same rules as {@link #register(ResourceDraft)} without writing
     * anything, so bulk imports give exactly the verdicts of the API. Empty when the draft is clean.
     */
    List<Violation> check(ResourceDraft draft);

    /** Registers on behalf of a provider: the authority (or the system, e.g. an import) only. */
    ResourceView register(UUID providerId, ResourceDraft draft);

    ResourceView edit(UUID id, long expectedVersion, ResourceDraft draft);

    ResourceView submit(UUID id);

    ResourceView approve(UUID id, String comment);

    ResourceView returnForRevision(UUID id, String comment);

    /** Opens a new working version of a published resource; the published one stays visible. */
    ResourceView startChange(UUID id);

    /** Drops the working version of a change and goes back to the published one. */
    ResourceView discardChange(UUID id);

    ResourceView withdraw(UUID id, String reason);

    /** The working copy for its provider and the authority; the published version for everyone else. */
    Optional<ResourceView> find(UUID id);

    Optional<ResourceView> findByCode(String code);

    /**
     * The newest published version, whoever asks: what other modules (data collection, sharing)
     * build on, never a working copy. Empty when the resource was never published or is withdrawn.
     */
    Optional<ResourceView> published(UUID id);

    /**
     * Every resource with a published version (of one provider, or all when null; {@code text}, if
     * given, a substring of the name or code), ordered by code: one query however many there are.
     */
    List<PublishedResource> publishedResources(UUID providerId, String text);

    Page<ResourceSummary> resources(ResourceFilter filter, Pageable page);

    List<VersionView> versions(UUID id);

    VersionDiff diff(UUID id, int from, int to);
}
