package org.govshare.catalog.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface Resources extends ListCrudRepository<Resource, UUID> {

    Optional<Resource> findByCode(String code);

    boolean existsByCode(String code);
}
