package org.govshare.directory.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Users extends ListCrudRepository<User, UUID> {

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    Page<User> findByOrganizationIdAndUsernameContaining(UUID organizationId, String username, Pageable page);

    Page<User> findByUsernameContaining(String username, Pageable page);

    long countByOrganizationId(UUID organizationId);
}
