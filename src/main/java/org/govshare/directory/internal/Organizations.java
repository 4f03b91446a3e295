package org.govshare.directory.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Organizations extends ListCrudRepository<Organization, UUID> {

    boolean existsByName(String name);

    boolean existsByCreditCode(String creditCode);

    boolean existsByNameAndIdNot(String name, UUID id);

    boolean existsByCreditCodeAndIdNot(String creditCode, UUID id);

    Page<Organization> findByNameContaining(String name, Pageable page);

    List<Organization> findAllByOrderByTypeAscNameAsc();
}
