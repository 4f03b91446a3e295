package org.govshare.catalog;

import java.util.Map;

/**
 * The published catalog for machines outside the platform: DCAT-AP 3 in JSON-LD, only resources
 * that are published and open (fully or conditionally) to the public.
 */
public interface CatalogExport {

    /** The catalog as a JSON-LD document; {@code baseUrl} makes dataset and access URLs absolute. */
    Map<String, Object> dcat(String baseUrl);
}
