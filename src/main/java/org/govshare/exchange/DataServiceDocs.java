package org.govshare.exchange;

import java.util.List;
import java.util.UUID;
import org.govshare.exchange.DataServiceManagement.ServiceEntry;

/**
 * What a resource's data service looks like, generated from its published data items so the
 * description can never drift from what the gateway does: one generator, two views. A client
 * application sees its own grant (granted items, their masks, filters only on granted unmasked
 * items); people in the console see every shareable item with the masks sensitivity implies, since
 * the catalog is public inside the government. Describing a service reads no record.
 */
public interface DataServiceDocs {

    /** OpenAPI 3 JSON for the calling client application: refused like a data call without a valid grant. */
    String openApiForClient(String resourceCode);

    /** OpenAPI 3 JSON for people: every item that is not NOT_SHARED, masked by sensitivity defaults. */
    String openApiForConsole(String resourceCode);

    /**
     * The console page's view of the general description (items, endpoints, examples); the example
     * requests are written against {@code baseUrl} (scheme, host and context path).
     */
    ServiceDescription describe(String resourceCode, String baseUrl);

    /**
     * For a person: each client application of their department and the resources it may call
     * today, with items, masks, methods, quota and validity.
     */
    List<ClientServices> departmentServices();

    /** A resource's service as the console shows it. */
    record ServiceDescription(UUID resourceId, String resourceCode, String resourceName, UUID providerId,
                              int version, List<DescribedItem> items, List<Endpoint> endpoints,
                              String exampleRecord) {
    }

    /**
     * An item of the record: {@code mask} is the mask type name (NONE when shown as stored);
     * {@code filters} the query parameters it takes (empty when it cannot be filtered on).
     */
    record DescribedItem(String codeName, String name, String description, String dataType, boolean key,
                         String mask, Integer maskN, List<String> filters, String example) {
    }

    /** One operation: {@code method} as the gateway names it (lookup, query, verify, export). */
    record Endpoint(String method, String httpMethod, String path, String summary, List<Param> parameters,
                    String exampleRequest, String exampleBody, String exampleResponse) {
    }

    record Param(String name, String in, boolean required, String description, String example) {
    }

    /** A client application of the person's department and what it may call now. */
    record ClientServices(UUID clientApplicationId, String name, boolean active, List<ServiceEntry> services) {
    }
}
