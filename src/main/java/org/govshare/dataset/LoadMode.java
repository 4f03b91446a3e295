package org.govshare.dataset;

/** FULL replaces the resource's records with the load's; INCREMENTAL upserts by key and applies delete markers. */
public enum LoadMode {
    FULL, INCREMENTAL
}
