package org.govshare.exchange.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceView;
import org.govshare.directory.ClientApplicationRef;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.springframework.stereotype.Component;

/**
 * Names for the ids in usage figures, looked up once per report (which system of which department
 * calls: the directory tells any signed-in person that much).
 */
@Component
class UsageNames {

    private final DirectoryManagement directory;
    private final CatalogManagement catalog;
    UsageNames(DirectoryManagement directory, CatalogManagement catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    record Client(UUID id, UUID organizationId, String name, boolean active) {
    }

    Optional<UUID> clientOrganization(UUID client) {
        return directory.clientApplicationRefs(List.of(client)).stream().findFirst()
            .map(ClientApplicationRef::organizationId);
    }

    /** The active client applications of a department, by name. */
    List<Client> clientsOf(UUID organization) {
        return directory.activeClientApplicationRefs(organization).stream()
            .map(c -> new Client(c.id(), c.organizationId(), c.name(), c.active())).toList();
    }

    Lookup lookup() {
        return new Lookup();
    }

    /** One report's names: organizations all at once, clients and resources as they come. */
    final class Lookup {
        private Map<UUID, String> organizations;
        private final Map<UUID, String> clients = new HashMap<>();
        private final Map<UUID, Optional<ResourceView>> resources = new HashMap<>();

        String organization(UUID id) {
            if (id == null) {
                return "";
            }
            if (organizations == null) {
                organizations = new HashMap<>();
                for (OrganizationView o : directory.allOrganizations()) {
                    organizations.put(o.id(), o.name());
                }
            }
            return organizations.getOrDefault(id, id.toString());
        }

        void loadClients(Collection<UUID> ids) {
            List<UUID> missing = ids.stream().filter(id -> id != null && !clients.containsKey(id)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            directory.clientApplicationRefs(missing).forEach(c -> clients.put(c.id(), c.name()));
        }

        String client(UUID id) {
            if (id == null) {
                return "";
            }
            loadClients(List.of(id));
            return clients.getOrDefault(id, id.toString());
        }

        Optional<ResourceView> resource(UUID id) {
            return resources.computeIfAbsent(id, r -> catalog.published(r).or(() -> catalog.find(r)));
        }

        String resourceName(UUID id) {
            return resource(id).map(ResourceView::name).orElse(String.valueOf(id));
        }

        String resourceCode(UUID id) {
            return resource(id).map(ResourceView::code).orElse("");
        }
    }
}
