package org.govshare.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Departments' staging databases (前置库) and the scheduled pulls from them. A staging database and
 * the pull definitions reading it belong to one organization: its ORG_ADMIN and DATA_STEWARD manage
 * them, a platform administrator any; everyone else is refused (403, audited). JDBC URLs are limited
 * to PostgreSQL, MariaDB and MySQL with an allow-list of harmless parameters; passwords are sealed
 * with the platform's {@code SecretBox} and never returned.
 */
public interface SourceDatabases {

    /** The staging databases of an organization (null: the caller's own). */
    List<SourceDatabaseView> sources(UUID organizationId);

    SourceDatabaseView source(UUID id);

    /** Registers a staging database for an organization (null: the caller's own); a password is required. */
    SourceDatabaseView create(UUID organizationId, SourceDatabaseDraft draft);

    /** Changes it; an empty password keeps the stored one. {@code expectedVersion} guards against a stale form. */
    SourceDatabaseView change(UUID id, long expectedVersion, SourceDatabaseDraft draft);

    /** Removes it; refused (409 source-in-use) while pull definitions read it. */
    void delete(UUID id);

    /** Connects (5 s timeout), runs {@code select 1} and reports the server version or the reason; audited. */
    ConnectionCheck test(UUID id, Locale locale);

    /** The pull definition of a published resource, if it has one. */
    Optional<PullDefinitionView> pullDefinition(UUID resourceId);

    /** Pull definitions of an organization's resources (null: the caller's own). */
    List<PullDefinitionView> pullDefinitions(UUID organizationId);

    /** Creates or replaces the pull definition of a published resource; the source must belong to its provider. */
    PullDefinitionView definePull(UUID resourceId, PullDefinitionDraft draft);

    void removePull(UUID resourceId);

    /**
     * Pulls now, whatever the schedule: returns the load, finished when it took less than a few
     * seconds, else as it stands (follow it with {@code DatasetManagement.load}); null when an
     * incremental pull finds nothing past its watermark (no load is made). 409 pull-running while
     * another pull of the resource runs.
     */
    LoadView pullNow(UUID resourceId);
}
