package org.govshare.catalog.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.Classification;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.CurrentActor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Provider names and the classification tree, for documents (provider names are searchable) and
 * facet labels. Both change rarely: loaded once, reloaded when an unknown id or code shows up.
 */
@Component
class CatalogNames {

    private final DirectoryManagement directory;
    private final CatalogManagement catalog;
    private volatile Map<UUID, OrganizationView> organizations = Map.of();
    private volatile Map<String, Classification> classifications = Map.of();

    CatalogNames(DirectoryManagement directory, @Lazy CatalogManagement catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    /** The provider's full name (searchable), or null if the directory does not know it. */
    String providerName(UUID id) {
        OrganizationView o = organization(id);
        return o == null ? null : o.name();
    }

    /** The short name if there is one: what lists and facets show. */
    String providerLabel(UUID id) {
        OrganizationView o = organization(id);
        return o == null ? String.valueOf(id) : o.shortName() != null && !o.shortName().isBlank() ? o.shortName() : o.name();
    }

    Classification classification(String code) {
        Map<String, Classification> tree = classifications;
        Classification c = tree.get(code);
        if (c == null && !tree.containsKey(code)) {
            tree = reloadClassifications();
            c = tree.get(code);
        }
        return c;
    }

    /** The code and its ancestors, root first: 303001 → 3, 303, 303001. */
    List<String> lineage(String code) {
        List<String> out = new ArrayList<>();
        Classification c = classification(code);
        int guard = 0;
        while (c != null && guard++ < 10) {
            out.add(0, c.code());
            c = c.parentCode() == null ? null : classification(c.parentCode());
        }
        if (out.isEmpty() && code != null) {
            out.add(code);
        }
        return out;
    }

    /** The code and every code below it in the tree. */
    List<String> subtree(String code) {
        if (classifications.isEmpty()) {
            reloadClassifications();
        }
        List<String> out = new ArrayList<>();
        for (String c : classifications.keySet()) {
            if (lineage(c).contains(code)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            out.add(code);
        }
        return out;
    }

    private OrganizationView organization(UUID id) {
        if (id == null) {
            return null;
        }
        OrganizationView o = organizations.get(id);
        if (o == null) {
            o = reloadOrganizations().get(id);
        }
        return o;
    }

    private synchronized Map<UUID, OrganizationView> reloadOrganizations() {
        Map<UUID, OrganizationView> m = new LinkedHashMap<>();
        CurrentActor.runAs(CurrentActor.system(), directory::allOrganizations).forEach(o -> m.put(o.id(), o));
        organizations = Map.copyOf(m);
        return organizations;
    }

    private synchronized Map<String, Classification> reloadClassifications() {
        Map<String, Classification> m = new LinkedHashMap<>();
        catalog.classifications().forEach(c -> m.put(c.code(), c));
        classifications = Map.copyOf(m);
        return classifications;
    }
}
