package org.govshare.catalog;

/**
 * Where a resource stands. A published resource that is being changed keeps its published
 * version visible (CHANGE_DRAFT, CHANGE_SUBMITTED) until the new version is approved.
 */
public enum ResourceStatus {
    DRAFT, SUBMITTED, PUBLISHED, CHANGE_DRAFT, CHANGE_SUBMITTED, WITHDRAWN;

    public boolean editable() {
        return this == DRAFT || this == CHANGE_DRAFT;
    }

    public boolean awaitingReview() {
        return this == SUBMITTED || this == CHANGE_SUBMITTED;
    }

    public boolean hasPublishedVersion() {
        return this == PUBLISHED || this == CHANGE_DRAFT || this == CHANGE_SUBMITTED;
    }
}
