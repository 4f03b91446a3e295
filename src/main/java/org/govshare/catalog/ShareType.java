package org.govshare.catalog;

/** 共享属性. Ordered from open to closed: an item may be stricter than its resource, never looser. */
public enum ShareType {
    UNCONDITIONAL, CONDITIONAL, NOT_SHARED;

    public boolean stricterThan(ShareType other) {
        return ordinal() > other.ordinal();
    }
}
