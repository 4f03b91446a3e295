package org.govshare.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The data service as client applications call it: every method reads only what the calling
 * client's grant on the resource allows (granted items, inside the row scope, masked), takes one
 * call from the grant's daily quota, and answers only once the call's audit entry is durable: the
 * answer is a future that completes then, so that no thread waits for the commit. Refusals are
 * problems naming the reason (no grant, expired, revoked, quota, bad input), audited too, thrown
 * or completed exceptionally once their entry is durable. Bodies come back as JSON bytes: records
 * are streamed from their stored text through the grant's projection without building objects,
 * which is what keeps a lookup cheap.
 */
public interface DataServiceManagement {

    /** One record by its key (resources with a single key item); 404 also for a record outside the row scope. */
    CompletableFuture<byte[]> lookup(String resourceCode, String key, String purpose);

    /**
     * A page of records matching the filters (see {@link Filters}) inside the row scope, in key order,
     * with an opaque cursor to the next page.
     */
    CompletableFuture<byte[]> query(String resourceCode, Filters filters, String purpose);

    /** Match / no match per submitted item against the record with the submitted key; never a stored value. */
    CompletableFuture<byte[]> verify(String resourceCode, Map<String, String> values, String purpose);

    /** The whole granted scope (or the filtered part of it) as CSV or JSON Lines, streamed, audited per chunk. */
    void export(String resourceCode, Filters filters, ExportFormat format, String purpose, OutputStream out)
        throws IOException;

    /** The resources the calling client may call now, with items, masks, methods and today's use. */
    List<ServiceEntry> allowedServices();

    /**
     * Filters as the query string gives them: {@code item=value} (equals), {@code item.in=a,b},
     * {@code item.prefix=p}, {@code item.from=x} / {@code item.to=y} (inclusive range), plus
     * {@code size} and {@code cursor}.
     */
    record Filters(Map<String, List<String>> parameters) {
        public Filters {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    enum ExportFormat { CSV, JSONL }

    /** A resource the client may call: what it gets, through which methods, against which quota. */
    record ServiceEntry(String resourceCode, String resourceName, java.util.UUID resourceId, java.util.UUID providerId,
                        String grantNumber, List<ServiceItem> items, List<String> queryableItems,
                        List<String> keyItems, List<String> methods, int dailyQuota, long usedToday,
                        java.time.LocalDate validUntil, List<String> purposes) {
    }

    /** A granted item and how it is shown. */
    record ServiceItem(String codeName, String name, String dataType, String mask, Integer maskN) {
    }
}
