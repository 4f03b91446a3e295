package org.govshare.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * What the console needs beyond {@link CatalogManagement}: what the signed-in person may do (so
 * pages show only the buttons that will work), the authority's review queue in submission order,
 * and the figures of the dashboard.
 */
public interface CatalogWorkspace {

    /** Catalogues for this provider: its stewards and administrators, or the sharing authority. */
    boolean mayCatalogue(UUID providerId);

    /** Reviews submissions: platform administrators and the authority's reviewers. */
    boolean mayReview();

    /** Belongs to the sharing authority (sees every provider's working copies). */
    boolean isAuthority();

    /** Submitted resources and changes, oldest submission first; reviewers only. */
    Page<ReviewTask> reviewQueue(Pageable page);

    /** Published resources by provider and share type, the providers with the most first; the authority only. */
    List<ProviderShares> publishedByProvider(int top);

    /** A resource waiting for review and since when. */
    record ReviewTask(UUID id, String code, String name, UUID providerId, String classificationCode,
                      ResourceStatus status, int publishedVersion, int dataItemCount, Instant submittedAt) {
    }

    /** How many published resources a provider has, by share type. */
    record ProviderShares(UUID providerId, long unconditional, long conditional, long notShared) {

        public long total() {
            return unconditional + conditional + notShared;
        }
    }
}
