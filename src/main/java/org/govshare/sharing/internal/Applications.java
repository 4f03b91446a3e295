package org.govshare.sharing.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.sharing.ApplicationState;
import org.govshare.sharing.ApplicationStep;
import org.govshare.sharing.SharingPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications and their timelines in {@code sharing_application} / {@code sharing_application_step}. */
@Repository
class Applications {

    static final String COLUMNS = "id, number, path, state, consumer_id, client_application_id, resource_id, "
        + "resource_code, resource_name, resource_version, provider_id, items, purpose, purposes, basis, scenario, "
        + "valid_from, "
        + "valid_until, expected_daily_calls, submitted_by, submitted_at, version, deadline, paused_days_left, reminded, "
        + "overdue_at, overdue_stage, decision_reason, grant_id, decided_at";

    private final JdbcClient jdbc;

    Applications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextNumber(Instant now) {
        long n = jdbc.sql("select nextval('sharing_application_number')").query(Long.class).single();
        return String.format("SQ%d%06d", java.time.LocalDate.ofInstant(now, Deadlines.ZONE).getYear(), n);
    }

    void insert(Application a, Instant now) {
        jdbc.sql("""
                insert into sharing_application (id, number, path, state, consumer_id, client_application_id, resource_id,
                    resource_code, resource_name, resource_version, provider_id, items, purpose, purposes, basis,
                    scenario, valid_from, valid_until, expected_daily_calls, deadline, paused_days_left, reminded, overdue_at,
                    overdue_stage, decision_reason, grant_id, submitted_by, submitted_at, decided_at, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                """)
            .params(a.id, a.number, a.path.name(), a.state.name(), a.consumerId, a.clientApplicationId, a.resourceId,
                a.resourceCode, a.resourceName, a.resourceVersion, a.providerId, a.items.toArray(new String[0]),
                a.purpose, a.purposes.toArray(new String[0]), a.basis, a.scenario, a.validFrom, a.validUntil, a.expectedDailyCalls, ts(a.deadline),
                a.pausedDaysLeft, a.reminded, ts(a.overdueAt), a.overdueStage == null ? null : a.overdueStage.name(),
                a.decisionReason, a.grantId, a.submittedBy, ts(a.submittedAt), ts(a.decidedAt), ts(now))
            .update();
    }

    /** Writes the mutable state; the row lock taken by {@link #lock} makes the version check a guard only. */
    void update(Application a, Instant now) {
        int n = jdbc.sql("""
                update sharing_application set state = ?, deadline = ?, paused_days_left = ?, reminded = ?,
                    overdue_at = ?, overdue_stage = ?, decision_reason = ?, grant_id = ?, decided_at = ?,
                    version = version + 1, updated_at = ?
                where id = ? and version = ?
                """)
            .params(a.state.name(), ts(a.deadline), a.pausedDaysLeft, a.reminded, ts(a.overdueAt),
                a.overdueStage == null ? null : a.overdueStage.name(), a.decisionReason, a.grantId, ts(a.decidedAt),
                ts(now), a.id, a.version)
            .update();
        if (n != 1) {
            throw new IllegalStateException("application " + a.id + " changed underneath its lock");
        }
    }

    Optional<Application> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sharing_application where id = ?").param(id)
            .query(Applications::map).optional();
    }

    /** Loads and locks the row: concurrent decisions on one application run one after the other. */
    Optional<Application> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sharing_application where id = ? for update").param(id)
            .query(Applications::map).optional();
    }

    /**
     * Open applications whose deadline passed or falls before {@code remindHorizon} and that still
     * need an overdue mark or a reminder, locked so that several nodes never sweep one twice.
     */
    List<Application> dueForSweep(Instant now, Instant remindHorizon, int limit) {
        return jdbc.sql("select " + COLUMNS + " from sharing_application where deadline is not null "
                + "and overdue_at is null and (deadline <= ? or (not reminded and deadline <= ?)) "
                + "order by deadline limit ? for update skip locked")
            .params(ts(now), ts(remindHorizon), limit).query(Applications::map).list();
    }

    boolean openFor(UUID clientApplicationId, UUID resourceId) {
        return jdbc.sql("select count(*) from sharing_application where client_application_id = ? and resource_id = ? "
                + "and state in ('PRECHECK', 'REVIEW', 'SUPPLEMENT_REQUESTED', 'DISPUTED', 'COORDINATION')")
            .params(clientApplicationId, resourceId).query(Long.class).single() > 0;
    }

    void step(UUID applicationId, Instant at, Actor actor, String action, ApplicationState after, String comment,
              String detailJson) {
        jdbc.sql("""
                insert into sharing_application_step (application_id, n, at, actor_id, actor_name, organization_id,
                    action, state_after, comment, detail)
                select ?, coalesce(max(n), 0) + 1, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)
                from sharing_application_step where application_id = ?
                """)
            .params(applicationId, ts(at), actor.userId(), actor.name(), actor.organizationId(), action, after.name(),
                comment, detailJson, applicationId)
            .update();
    }

    List<ApplicationStep> steps(UUID applicationId) {
        return jdbc.sql("select n, at, actor_name, organization_id, action, state_after, comment "
                + "from sharing_application_step where application_id = ? order by n")
            .param(applicationId)
            .query((rs, i) -> new ApplicationStep(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), ApplicationState.valueOf(rs.getString(6)),
                rs.getString(7)))
            .list();
    }

    /** A filtered page; {@code where} holds only fixed SQL with positional parameters in {@code params}. */
    List<Application> page(String where, List<Object> params, int page, int size) {
        List<Object> all = new ArrayList<>(params);
        all.add(size);
        all.add((long) page * size);
        return jdbc.sql("select " + COLUMNS + " from sharing_application where " + where
                + " order by (deadline is null), deadline, submitted_at desc limit ? offset ?")
            .params(all).query(Applications::map).list();
    }

    long count(String where, List<Object> params) {
        return jdbc.sql("select count(*) from sharing_application where " + where).params(params).query(Long.class)
            .single();
    }

    Map<String, Long> countByState(String where, List<Object> params) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select state, count(*) from sharing_application where " + where + " group by state").params(params)
            .query(rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
        return counts;
    }

    List<Object[]> overdueByProvider() {
        return jdbc.sql("""
                select a.provider_id, count(*),
                       count(distinct a.id) filter (where a.state = 'REVIEW' and a.overdue_at is not null)
                from sharing_application_step s
                join sharing_application a on a.id = s.application_id
                where s.action = 'overdue' and s.detail ->> 'stage' = 'REVIEW'
                group by a.provider_id order by 2 desc
                """)
            .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)}).list();
    }

    private static Application map(ResultSet rs, int i) throws SQLException {
        Application a = new Application(rs.getObject("id", UUID.class), rs.getString("number"),
            SharingPath.valueOf(rs.getString("path")), ApplicationState.valueOf(rs.getString("state")),
            rs.getObject("consumer_id", UUID.class), rs.getObject("client_application_id", UUID.class),
            rs.getObject("resource_id", UUID.class), rs.getString("resource_code"), rs.getString("resource_name"),
            rs.getInt("resource_version"), rs.getObject("provider_id", UUID.class), strings(rs.getArray("items")),
            rs.getString("purpose"), strings(rs.getArray("purposes")), rs.getString("basis"), rs.getString("scenario"),
            rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("valid_until", java.time.LocalDate.class),
            rs.getInt("expected_daily_calls"), rs.getObject("submitted_by", UUID.class), instant(rs, "submitted_at"),
            rs.getLong("version"));
        a.deadline = instant(rs, "deadline");
        int paused = rs.getInt("paused_days_left");
        a.pausedDaysLeft = rs.wasNull() ? null : paused;
        a.reminded = rs.getBoolean("reminded");
        a.overdueAt = instant(rs, "overdue_at");
        String stage = rs.getString("overdue_stage");
        a.overdueStage = stage == null ? null : ApplicationState.valueOf(stage);
        a.decisionReason = rs.getString("decision_reason");
        a.grantId = rs.getObject("grant_id", UUID.class);
        a.decidedAt = instant(rs, "decided_at");
        return a;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
