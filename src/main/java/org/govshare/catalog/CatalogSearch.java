package org.govshare.catalog;

/**
 * Full-text and faceted search of the catalog for everyone signed in. Published resources show
 * as last published; unpublished ones and pending changes only to their provider and the sharing
 * authority; withdrawn ones to nobody. Each application node answers from its own index, which
 * follows the catalog's change log and can be rebuilt from the database at any time.
 */
public interface CatalogSearch {

    /** Refused with 503 ({@code search-indexing}) while this node builds its first index. */
    SearchResult search(SearchQuery query);

    SearchIndexStatus status();

    /** Starts a full rebuild of this node's index as a background job (platform administrators only). */
    SearchIndexStatus rebuild();
}
