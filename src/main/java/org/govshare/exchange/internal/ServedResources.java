package org.govshare.exchange.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govshare.catalog.CatalogEvents;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.DatasetEvents;
import org.govshare.dataset.ItemKind;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.RecordReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Resource code to the published resource as served, cached: every call names its resource by
 * code. A new version, a withdrawal or new item rules empty the entry on this node at once; the
 * expiry bounds how long another node serves the previous version's shape.
 */
@Component
class ServedResources {

    private final CatalogManagement catalog;
    private final RecordReads records;
    private final Cache<String, Optional<ServedResource>> byCode = Caffeine.newBuilder()
        .maximumSize(5_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    ServedResources(CatalogManagement catalog, RecordReads records) {
        this.catalog = catalog;
        this.records = records;
    }

    /** The published resource with that code; empty if none is published (or it was withdrawn). */
    Optional<ServedResource> byCode(String code) {
        return byCode.get(code, this::load);
    }

    private Optional<ServedResource> load(String code) {
        return catalog.findByCode(code)
            .flatMap(r -> catalog.published(r.id()))
            .map(this::served);
    }

    private ServedResource served(ResourceView published) {
        Map<String, ItemKind> kinds = new HashMap<>();
        for (ItemRule rule : records.rules(published.id())) {
            kinds.put(rule.codeName(), rule.kind());
        }
        List<ServedResource.Item> items = published.dataItems().stream()
            .map(i -> item(i, kinds.getOrDefault(i.codeName(), ItemKind.PLAIN))).toList();
        return new ServedResource(published.id(), published.code(), published.name(), published.providerId(),
            published.publishedVersion(), items);
    }

    private static ServedResource.Item item(DataItemView i, ItemKind kind) {
        return new ServedResource.Item(i.codeName(), i.name(), i.dataType(), i.sensitivity(), i.shareType(), i.key(),
            kind, i.description());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.ResourcePublished e) {
        byCode.invalidate(e.code());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogEvents.ResourceWithdrawn e) {
        byCode.invalidate(e.code());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DatasetEvents.RulesChanged e) {
        byCode.invalidateAll();
    }
}
