package org.govshare.dataset;

/** ALL_OR_NOTHING (the default) applies nothing unless every row is valid; KEEP_VALID applies the valid rows and reports the rest. */
public enum LoadPolicy {
    ALL_OR_NOTHING, KEEP_VALID
}
