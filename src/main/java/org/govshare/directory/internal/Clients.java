package org.govshare.directory.internal;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Clients extends ListCrudRepository<ClientApplication, UUID> {

    boolean existsByOrganizationIdAndName(UUID organizationId, String name);

    Page<ClientApplication> findByOrganizationId(UUID organizationId, Pageable page);

    Page<ClientApplication> findAllBy(Pageable page);

    long countByOrganizationId(UUID organizationId);

    java.util.List<ClientApplication> findByOrganizationIdAndActiveTrueOrderByName(UUID organizationId);
}
