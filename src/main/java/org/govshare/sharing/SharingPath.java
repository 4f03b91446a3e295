package org.govshare.sharing;

/** How an application is decided, from the share types of the resource and the requested items. */
public enum SharingPath {
    /** Every requested item is unconditional: granted at once, without review. */
    UNCONDITIONAL,
    /** Reviewed by the provider (after the authority's optional pre-check) within working-day deadlines. */
    CONDITIONAL,
    /** Not shared: only the sharing authority's coordination can lead to a grant. */
    NOT_SHARED
}
