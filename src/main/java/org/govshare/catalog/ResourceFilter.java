package org.govshare.catalog;

import java.util.UUID;

/** Filters of the resource lists in a department's workspace and the authority's review queue. */
public record ResourceFilter(UUID providerId, ResourceStatus status, String classificationCode, String text) {

    public static ResourceFilter all() {
        return new ResourceFilter(null, null, null, null);
    }
}
