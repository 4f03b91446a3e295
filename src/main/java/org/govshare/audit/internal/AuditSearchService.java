package org.govshare.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.govshare.audit.AuditActivity;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditOutcome;
import org.govshare.audit.AuditPage;
import org.govshare.audit.AuditQueries;
import org.govshare.audit.DataAccessSearch;
import org.govshare.audit.AuditSearch;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.platform.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Builds one filtered query per search; the scope rule is applied before any filter the caller chose. */
@Service
@Transactional(readOnly = true)
class AuditSearchService implements AuditQueries {

    /** What {@link org.govshare.audit.AuditLog#subjectKey} gives: HMAC-SHA256 as lower-case hex. */
    private static final Pattern SUBJECT_KEY = Pattern.compile("[0-9a-f]{64}");

    private final JdbcClient jdbc;
    private final DirectoryManagement directory;

    AuditSearchService(JdbcClient jdbc, DirectoryManagement directory) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    public AuditActivity activity(int days, ZoneId zone) {
        UUID scope = scopeOf(CurrentActor.require(), null);
        if (days < 1 || days > 92) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-days", "days", "audit.problem.days", 92);
        }
        LocalDate first = LocalDate.now(zone).minusDays(days - 1L);
        List<LocalDate> axis = first.datesUntil(first.plusDays(days)).toList();
        Map<AuditOutcome, List<Long>> counts = new EnumMap<>(AuditOutcome.class);
        for (AuditOutcome o : AuditOutcome.values()) {
            counts.put(o, new ArrayList<>(java.util.Collections.nCopies(days, 0L)));
        }
        String scoped = scope == null ? "" : " and (organization_id = :scope or target_organization_id = :scope)";
        var query = jdbc.sql("select (occurred_at at time zone :zone)::date as day, outcome, count(*) from audit_entry "
                + "where occurred_at >= :since" + scoped + " group by 1, 2")
            .param("zone", zone.getId())
            .param("since", Timestamp.from(first.atStartOfDay(zone).toInstant()));
        if (scope != null) {
            query = query.param("scope", scope);
        }
        query.query((rs, i) -> {
            int index = (int) java.time.temporal.ChronoUnit.DAYS.between(first, rs.getObject(1, LocalDate.class));
            if (index >= 0 && index < days) {
                counts.get(AuditOutcome.valueOf(rs.getString(2))).set(index, rs.getLong(3));
            }
            return null;
        }).list();
        return new AuditActivity(axis, counts);
    }

    @Override
    public boolean seesAllOrganizations() {
        Actor actor = CurrentActor.require();
        return actor.isPlatformAdmin() || isAuthorityAuditor(actor);
    }

    @Override
    public AuditPage search(AuditSearch search, int page, int size) {
        Actor actor = CurrentActor.require();
        UUID scope = scopeOf(actor, search.organizationId());
        if (page < 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-page", "page", "audit.problem.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-page-size", "size",
                "audit.problem.page-size", MAX_PAGE_SIZE);
        }
        if (search.from() != null && search.to() != null && !search.from().isBefore(search.to())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-time-range", "to",
                "audit.problem.time-range");
        }

        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (scope != null) {
            where.append(" and (organization_id = ? or target_organization_id = ?)");
            params.add(scope);
            params.add(scope);
        }
        if (search.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(search.to()));
        }
        if (StringUtils.hasText(search.action())) {
            where.append(" and action like ? escape '\\'");
            params.add(likeEscape(search.action().trim()) + "%");
        }
        if (StringUtils.hasText(search.actorName())) {
            where.append(" and actor_name = ?");
            params.add(search.actorName().trim());
        }
        if (search.outcome() != null) {
            where.append(" and outcome = ?");
            params.add(search.outcome().name());
        }
        if (StringUtils.hasText(search.subjectKey())) {
            String key = search.subjectKey().trim().toLowerCase(Locale.ROOT);
            if (SUBJECT_KEY.matcher(key).matches()) {
                // candidates: the subject index, and the few entries left to the indexer that it has
                // not reached yet (V16); then the exact key
                where.append(" and seq in (select seq from audit_subject where subject_hash = audit_subject_hash(?) "
                    + "union all select seq from audit_entry where audit_subject_deferred(subject_keys) and seq > "
                    + "(select indexed_seq from audit_subject_progress where id = 1)) and subject_keys @> array[?]::text[]");
                params.add(key);
                params.add(key);
            } else {
                where.append(" and false"); // not a subject key: no entry can have it
            }
        }

        long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> items = jdbc.sql("select seq, occurred_at, actor_user_id, actor_name, organization_id, "
                + "client_application_id, action, target_type, target_id, target_organization_id, purpose, outcome, "
                + "request_id, detail from audit_entry" + where + " order by seq desc limit ? offset ?")
            .params(pageParams)
            .query(AuditSearchService::entry)
            .list();
        int pages = (int) ((total + size - 1) / size);
        return new AuditPage(items, page, size, total, pages);
    }

    @Override
    public AuditPage dataAccesses(DataAccessSearch search, int page, int size) {
        Actor actor = CurrentActor.require();
        boolean all = actor.isPlatformAdmin() || (!actor.isClient() && inAuthority(actor));
        boolean own = actor.organizationId() != null && !actor.isClient()
            && (actor.belongsTo(search.providerId()) || actor.belongsTo(search.consumerId()));
        if (!all && !own) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "organizationId", "problem.forbidden");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-page-size", "size",
                "audit.problem.page-size", MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder(" where action in ('data.lookup', 'data.query', 'data.verify', "
            + "'data.export') and target_type = 'resource' and client_application_id is not null");
        List<Object> params = new ArrayList<>();
        append(where, params, "occurred_at >= ?", search.from() == null ? null : Timestamp.from(search.from()));
        append(where, params, "occurred_at < ?", search.to() == null ? null : Timestamp.from(search.to()));
        append(where, params, "target_organization_id = ?", search.providerId());
        append(where, params, "organization_id = ?", search.consumerId());
        append(where, params, "target_id = ?", search.resourceId() == null ? null : search.resourceId().toString());
        append(where, params, "client_application_id = ?", search.clientApplicationId());
        append(where, params, "action = ?", search.method() == null ? null : "data." + search.method());
        long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> items = jdbc.sql("select seq, occurred_at, actor_user_id, actor_name, organization_id, "
                + "client_application_id, action, target_type, target_id, target_organization_id, purpose, outcome, "
                + "request_id, detail from audit_entry" + where + " order by seq desc limit ? offset ?")
            .params(pageParams).query(AuditSearchService::entry).list();
        return new AuditPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private static void append(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    private boolean inAuthority(Actor actor) {
        return actor.organizationId() != null && directory.findOrganization(actor.organizationId())
            .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    /**
     * The organization the actor is confined to, or null for all. Platform administrators and the
     * sharing authority's auditors supervise everyone (optionally narrowed); organization
     * administrators and auditors of a department see only what concerns their own.
     */
    UUID scopeOf(Actor actor, UUID requested) {
        if (actor.isPlatformAdmin() || isAuthorityAuditor(actor)) {
            return requested;
        }
        boolean mayRead = !actor.isClient() && (actor.hasRole(Roles.AUDITOR) || actor.hasRole(Roles.ORG_ADMIN));
        if (!mayRead || actor.organizationId() == null
                || (requested != null && !actor.belongsTo(requested))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", requested == null ? null : "organizationId",
                "problem.forbidden");
        }
        return actor.organizationId();
    }

    private boolean isAuthorityAuditor(Actor actor) {
        return actor.hasRole(Roles.AUDITOR) && actor.organizationId() != null
            && directory.findOrganization(actor.organizationId())
                .map(o -> o.type() == OrganizationType.AUTHORITY).orElse(false);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class),
            rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class), rs.getString(11),
            AuditOutcome.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14));
    }
}
