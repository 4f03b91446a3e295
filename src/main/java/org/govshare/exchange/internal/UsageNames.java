package org.govshare.exchange.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names for the ids in usage figures, looked up once per report. Client application names are read
 * from the directory's table directly: the directory's API shows clients to their department's
 * managers only, while a provider must see which system of which department calls it.
 */
@Component
class UsageNames {

    private final DirectoryManagement directory;
    private final CatalogManagement catalog;
    private final JdbcClient jdbc;

    UsageNames(DirectoryManagement directory, CatalogManagement catalog, JdbcClient jdbc) {
        this.directory = directory;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    record Client(UUID id, UUID organizationId, String name, boolean active) {
    }

    Optional<UUID> clientOrganization(UUID client) {
        return jdbc.sql("select organization_id from client_application where id = ?").param(client)
            .query(UUID.class).optional();
    }

    /** The active client applications of a department, by name. */
    List<Client> clientsOf(UUID organization) {
        return jdbc.sql("select id, organization_id, name, active from client_application "
                + "where organization_id = ? and active order by name")
            .param(organization).query(Client.class).list();
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
            jdbc.sql("select id, name from client_application where id = any(?)")
                .param(missing.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                .forEach(e -> clients.put(e.getKey(), e.getValue()));
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
