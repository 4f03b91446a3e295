package org.govshare.dataset.internal.pull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.ConnectionCheck;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadView;
import org.govshare.dataset.PullDefinitionDraft;
import org.govshare.dataset.PullDefinitionView;
import org.govshare.dataset.SourceDatabaseDraft;
import org.govshare.dataset.SourceDatabaseEvents.PullDefinitionChanged;
import org.govshare.dataset.SourceDatabaseEvents.SourceDatabaseChanged;
import org.govshare.dataset.SourceDatabaseEvents.SourceDatabaseTested;
import org.govshare.dataset.SourceDatabaseKind;
import org.govshare.dataset.SourceDatabaseView;
import org.govshare.dataset.SourceDatabases;
import org.govshare.directory.DirectoryManagement;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.RequestIds;
import org.govshare.platform.Roles;
import org.govshare.platform.SecretBox;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;
import org.govshare.dataset.internal.pull.PullStore.PullRow;
import org.govshare.dataset.internal.pull.PullStore.SourceRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staging databases and pull definitions: who may manage them (the owning organization's
 * administrators and data stewards, platform administrators), what is accepted (checked URLs,
 * identifiers and queries), and connection tests. Pulls themselves run in {@link PullRunner}.
 */
@Service
@Transactional
class SourceDatabaseService implements SourceDatabases {

    private final PullStore store;
    private final SecretBox secrets;
    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final PullRunner runner;
    private final PullProperties properties;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    SourceDatabaseService(PullStore store, SecretBox secrets, CatalogManagement catalog, DirectoryManagement directory,
                          PullRunner runner, PullProperties properties, MessageSource messages,
                          ApplicationEventPublisher events) {
        this.store = store;
        this.secrets = secrets;
        this.catalog = catalog;
        this.directory = directory;
        this.runner = runner;
        this.properties = properties;
        this.messages = messages;
        this.events = events;
    }

    // ---- staging databases

    @Override
    @Transactional(readOnly = true)
    public List<SourceDatabaseView> sources(UUID organizationId) {
        Actor actor = CurrentActor.require();
        UUID org = organizationOf(actor, organizationId);
        manager(actor, org);
        return store.sources(org).stream().map(SourceDatabaseService::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public SourceDatabaseView source(UUID id) {
        return view(managed(id));
    }

    @Override
    public SourceDatabaseView create(UUID organizationId, SourceDatabaseDraft draft) {
        Actor actor = CurrentActor.require();
        UUID org = organizationOf(actor, organizationId);
        manager(actor, org);
        if (directory.findOrganization(org).isEmpty()) {
            throw ProblemException.invalid("organizationId", "organization-unknown");
        }
        checkDraft(draft, true);
        if (store.nameTaken(org, draft.name().strip(), null)) {
            throw ProblemException.conflict("name", "source-name-taken", draft.name().strip());
        }
        UUID id = UUID.randomUUID();
        store.insertSource(id, org, draft.name().strip(), draft.kind(), draft.jdbcUrl().strip(), draft.username().strip(),
            secrets.seal(draft.password()), actor.name(), clock.instant());
        events.publishEvent(new SourceDatabaseChanged(id, org, draft.name().strip(), "created", actor,
            RequestIds.current()));
        return view(store.source(id).orElseThrow());
    }

    @Override
    public SourceDatabaseView change(UUID id, long expectedVersion, SourceDatabaseDraft draft) {
        Actor actor = CurrentActor.require();
        SourceRow row = managed(id);
        checkDraft(draft, false);
        if (store.nameTaken(row.organizationId(), draft.name().strip(), id)) {
            throw ProblemException.conflict("name", "source-name-taken", draft.name().strip());
        }
        boolean newPassword = draft.password() != null && !draft.password().isEmpty();
        if (store.updateSource(id, expectedVersion, draft.name().strip(), draft.kind(), draft.jdbcUrl().strip(),
                draft.username().strip(), newPassword ? secrets.seal(draft.password()) : null, clock.instant()) != 1) {
            throw ProblemException.conflict("version", "stale-version");
        }
        events.publishEvent(new SourceDatabaseChanged(id, row.organizationId(), draft.name().strip(),
            newPassword ? "password-changed" : "changed", actor, RequestIds.current()));
        return view(store.source(id).orElseThrow());
    }

    @Override
    public void delete(UUID id) {
        Actor actor = CurrentActor.require();
        SourceRow row = managed(id);
        if (row.pullCount() > 0) {
            throw ProblemException.conflict("id", "source-in-use", row.pullCount());
        }
        store.deleteSource(id);
        events.publishEvent(new SourceDatabaseChanged(id, row.organizationId(), row.name(), "deleted", actor,
            RequestIds.current()));
    }

    @Override
    public ConnectionCheck test(UUID id, Locale locale) {
        Actor actor = CurrentActor.require();
        SourceRow row = managed(id);
        ConnectionCheck check = connect(row, locale);
        store.recordCheck(id, check);
        events.publishEvent(new SourceDatabaseTested(id, row.organizationId(), check.ok(),
            check.ok() ? check.serverVersion() : check.code() + ": " + check.message(), actor, RequestIds.current()));
        return check;
    }

    ConnectionCheck connect(SourceRow row, Locale locale) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        try (Connection c = SourceConnector.open(row.kind(), row.jdbcUrl(), row.username(),
                secrets.open(row.passwordSealed()), properties.testTimeout(), properties.testTimeout());
             Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, properties.testTimeout().toSeconds()));
            try (ResultSet rs = s.executeQuery("select 1")) {
                rs.next();
            }
            var md = c.getMetaData();
            String version = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            c.rollback();
            return new ConnectionCheck(true, version, null,
                messages.getMessage("dataset.source.test.ok", new Object[] {version}, locale),
                (System.nanoTime() - t0) / 1_000_000, started);
        } catch (SQLException e) {
            String code = SourceConnector.classify(e);
            return new ConnectionCheck(false, null, code, messages.getMessage("dataset.source.test." + code,
                new Object[] {SourceConnector.reason(e)}, locale), (System.nanoTime() - t0) / 1_000_000, started);
        }
    }

    // ---- pull definitions

    @Override
    @Transactional(readOnly = true)
    public Optional<PullDefinitionView> pullDefinition(UUID resourceId) {
        ResourceView resource = published(resourceId);
        manager(CurrentActor.require(), resource.providerId());
        return store.pull(resourceId).map(p -> view(p, resource));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PullDefinitionView> pullDefinitions(UUID organizationId) {
        Actor actor = CurrentActor.require();
        UUID org = organizationOf(actor, organizationId);
        manager(actor, org);
        return store.pulls(org).stream().map(p -> view(p, catalog.published(p.resourceId()).orElse(null))).toList();
    }

    @Override
    public PullDefinitionView definePull(UUID resourceId, PullDefinitionDraft draft) {
        Actor actor = CurrentActor.require();
        ResourceView resource = published(resourceId);
        manager(actor, resource.providerId());
        if (draft == null) {
            throw ProblemException.invalid("sourceId", "required", "sourceId");
        }
        List<Violation> violations = new ArrayList<>();
        SourceRow source = null;
        if (draft.sourceId() == null) {
            violations.add(Violation.of("sourceId", "required", "sourceId"));
        } else {
            source = store.source(draft.sourceId()).orElse(null);
            if (source == null || !source.organizationId().equals(resource.providerId())) {
                violations.add(Violation.of("sourceId", "source-other-organization"));
            }
        }
        String table = blankToNull(draft.table());
        String query = blankToNull(draft.query());
        if ((table == null) == (query == null)) {
            violations.add(Violation.of(table == null ? "table" : "query", "pull-table-or-query"));
        } else if (table != null && !PullSql.isTableName(table)) {
            violations.add(Violation.of("table", "identifier-invalid", table));
        } else if (query != null) {
            violations.addAll(PullSql.checkQuery(query));
            query = PullSql.normalizeQuery(query);
        }
        String watermark = blankToNull(draft.watermarkColumn());
        LoadMode mode = draft.mode() != null ? draft.mode() : watermark != null ? LoadMode.INCREMENTAL : LoadMode.FULL;
        if (watermark != null && !PullSql.isIdentifier(watermark)) {
            violations.add(Violation.of("watermarkColumn", "identifier-invalid", watermark));
        }
        if (mode == LoadMode.INCREMENTAL && watermark == null) {
            violations.add(Violation.of("watermarkColumn", "watermark-required"));
        }
        String cron = blankToNull(draft.cron());
        if (cron != null) {
            String rule = PullSchedules.check(cron);
            if (rule != null) {
                violations.add(Violation.of("cron", rule, cron));
            }
        }
        ColumnMapping mapping = draft.mapping() == null ? new ColumnMapping(null, null) : draft.mapping();
        violations.addAll(checkMapping(mapping, resource));
        ViolationsException.throwIfAny(violations);

        Optional<PullRow> existing = store.pull(resourceId);
        boolean reset = existing.map(p -> !p.sourceId().equals(draft.sourceId()) || !eq(p.table(), draft.table())
            || !eq(p.query(), draft.query()) || !eq(p.watermarkColumn(), watermark)).orElse(true);
        String effectiveCron = cron != null ? cron : PullSchedules.derived(resource.updateCycle());
        Instant now = clock.instant();
        store.upsertPull(resourceId, resource.providerId(), draft.sourceId(), table, query, watermark,
            reset, mode, draft.policy() == null ? LoadPolicy.ALL_OR_NOTHING : draft.policy(), mapping, cron,
            // a new definition pulls at once (the first load), then on its schedule
            draft.enabled(), !draft.enabled() ? null : existing.isEmpty() ? now : PullSchedules.next(effectiveCron, now),
            actor.name(), now);
        events.publishEvent(new PullDefinitionChanged(resourceId, resource.providerId(), draft.sourceId(), "defined",
            actor, RequestIds.current()));
        return view(store.pull(resourceId).orElseThrow(), resource);
    }

    @Override
    public void removePull(UUID resourceId) {
        Actor actor = CurrentActor.require();
        ResourceView resource = published(resourceId);
        manager(actor, resource.providerId());
        PullRow row = store.pull(resourceId).orElseThrow(() -> ProblemException.notFound("pull", resourceId));
        store.deletePull(resourceId);
        events.publishEvent(new PullDefinitionChanged(resourceId, resource.providerId(), row.sourceId(), "removed",
            actor, RequestIds.current()));
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public LoadView pullNow(UUID resourceId) {
        Actor actor = CurrentActor.require();
        ResourceView resource = published(resourceId);
        manager(actor, resource.providerId());
        store.pull(resourceId).orElseThrow(() -> ProblemException.notFound("pull", resourceId));
        return runner.runNow(resourceId, actor);
    }

    // ---- rules

    private void checkDraft(SourceDatabaseDraft draft, boolean creating) {
        if (draft == null) {
            throw ProblemException.invalid("name", "required", "name");
        }
        List<Violation> v = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            v.add(Violation.of("name", "required", "name"));
        } else if (draft.name().strip().length() > 100) {
            v.add(Violation.of("name", "too-long", 100));
        }
        if (draft.kind() == null) {
            v.add(Violation.of("kind", "required", "kind"));
        }
        v.addAll(JdbcUrlPolicy.check(draft.kind(), draft.jdbcUrl() == null ? null : draft.jdbcUrl().strip()));
        if (draft.username() == null || draft.username().isBlank()) {
            v.add(Violation.of("username", "required", "username"));
        } else if (draft.username().strip().length() > 128) {
            v.add(Violation.of("username", "too-long", 128));
        }
        if (creating && (draft.password() == null || draft.password().isEmpty())) {
            v.add(Violation.of("password", "required", "password"));
        } else if (draft.password() != null && draft.password().length() > 1000) {
            v.add(Violation.of("password", "too-long", 1000));
        }
        ViolationsException.throwIfAny(v);
    }

    private static List<Violation> checkMapping(ColumnMapping mapping, ResourceView resource) {
        List<Violation> v = new ArrayList<>();
        if (mapping.items().isEmpty()) {
            return v;
        }
        Set<String> codes = new HashSet<>();
        resource.dataItems().forEach(i -> codes.add(i.codeName()));
        for (var e : mapping.items().entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 128) {
                v.add(Violation.of("mapping.items", "mapping-column-invalid", String.valueOf(e.getKey())));
            }
            if (!codes.contains(e.getValue())) {
                v.add(Violation.of("mapping.items", "mapping-item-unknown", String.valueOf(e.getValue())));
            }
        }
        for (DataItemView item : resource.dataItems()) {
            if (item.key() && !mapping.items().containsValue(item.codeName())) {
                v.add(Violation.of("mapping.items", "mapping-key-unmapped", item.codeName()));
            }
        }
        return v;
    }

    // ---- access

    private ResourceView published(UUID resourceId) {
        return catalog.published(resourceId).orElseThrow(() -> ProblemException.notFound("resource", resourceId));
    }

    private SourceRow managed(UUID id) {
        SourceRow row = store.source(id).orElseThrow(() -> ProblemException.notFound("source", id));
        manager(CurrentActor.require(), row.organizationId());
        return row;
    }

    private static UUID organizationOf(Actor actor, UUID requested) {
        UUID org = requested != null ? requested : actor.organizationId();
        if (org == null) {
            throw ProblemException.invalid("organizationId", "required", "organizationId");
        }
        return org;
    }

    static void manager(Actor actor, UUID organizationId) {
        if (actor.isPlatformAdmin()) {
            return;
        }
        if (!actor.isClient() && actor.belongsTo(organizationId)
                && (actor.hasRole(Roles.ORG_ADMIN) || actor.hasRole(Roles.DATA_STEWARD))) {
            return;
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    // ---- views

    static SourceDatabaseView view(SourceRow r) {
        return new SourceDatabaseView(r.id(), r.organizationId(), r.name(), r.kind(), r.jdbcUrl(), r.username(),
            r.passwordSealed() != null, r.pullCount(), r.lastCheck(), r.version(), r.createdAt(), r.updatedAt());
    }

    static PullDefinitionView view(PullRow p, ResourceView resource) {
        String cron = p.cron() != null ? p.cron()
            : PullSchedules.derived(resource == null ? null : resource.updateCycle());
        return new PullDefinitionView(p.resourceId(), p.providerId(), p.sourceId(), p.sourceName(), p.table(),
            p.query(), p.watermarkColumn(), p.watermark(), p.mode(), p.policy(), p.mapping(), cron, p.cron() == null,
            p.enabled(), p.nextRunAt(), p.lastRunAt(), p.lastLoadId(), p.lastState(), p.failures(), p.lastError(),
            p.version(), p.updatedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean eq(String a, String b) {
        return java.util.Objects.equals(blankToNull(a), blankToNull(b));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
