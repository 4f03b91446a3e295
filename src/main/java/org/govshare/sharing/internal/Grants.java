package org.govshare.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.platform.Actor;
import org.govshare.sharing.Mask;
import org.govshare.sharing.RowFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Grants and their histories in {@code sharing_grant} / {@code sharing_grant_step}. */
@Repository
class Grants {

    static final String COLUMNS = "id, number, application_id, consumer_id, client_application_id, resource_id, "
        + "resource_code, resource_name, provider_id, resource_version, items, purposes, "
        + "row_scope::text as row_scope, "
        + "masks::text as masks, daily_quota, valid_from, valid_until, revoked, revoked_reason, revoked_at, "
        + "review_needed, review_reason, expiry_reminded, version, created_at, updated_at";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextNumber(Instant now) {
        long n = jdbc.sql("select nextval('sharing_grant_number')").query(Long.class).single();
        return String.format("SQ%d-G%06d", LocalDate.ofInstant(now, Deadlines.ZONE).getYear(), n);
    }

    void insert(Grant g, Instant now) {
        jdbc.sql("""
                insert into sharing_grant (id, number, application_id, consumer_id, client_application_id, resource_id,
                    resource_code, resource_name, provider_id, resource_version, items, purposes, row_scope, masks,
                    daily_quota, valid_from, valid_until, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)
                """)
            .params(g.id, g.number, g.applicationId, g.consumerId, g.clientApplicationId, g.resourceId, g.resourceCode,
                g.resourceName, g.providerId, g.resourceVersion, g.items.toArray(new String[0]),
                g.purposes.toArray(new String[0]), JSON.writeValueAsString(g.rowScope), JSON.writeValueAsString(g.masks), g.dailyQuota, g.validFrom,
                g.validUntil, Applications.ts(now), Applications.ts(now))
            .update();
    }

    void update(Grant g, Instant now) {
        int n = jdbc.sql("""
                update sharing_grant set resource_version = ?, items = ?, purposes = ?, row_scope = cast(? as jsonb),
                    masks = cast(? as jsonb), daily_quota = ?, valid_until = ?, revoked = ?, revoked_reason = ?,
                    revoked_at = ?, review_needed = ?, review_reason = ?, expiry_reminded = ?, version = version + 1,
                    updated_at = ?
                where id = ? and version = ?
                """)
            .params(g.resourceVersion, g.items.toArray(new String[0]), g.purposes.toArray(new String[0]),
                JSON.writeValueAsString(g.rowScope),
                JSON.writeValueAsString(g.masks), g.dailyQuota, g.validUntil, g.revoked, g.revokedReason,
                Applications.ts(g.revokedAt), g.reviewNeeded, g.reviewReason, g.expiryReminded, Applications.ts(now), g.id,
                g.version)
            .update();
        if (n != 1) {
            throw new IllegalStateException("grant " + g.id + " changed underneath its lock");
        }
    }

    Optional<Grant> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where id = ?").param(id).query(Grants::map).optional();
    }

    /** Unrevoked grants ending on or before the day whose consumer was not told yet, locked for one sweeper. */
    List<Grant> expiringBy(LocalDate day, LocalDate today, int limit) {
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where not revoked and not expiry_reminded "
                + "and valid_until <= ? and valid_until >= ? order by valid_until limit ? for update skip locked")
            .params(day, today, limit).query(Grants::map).list();
    }

    Optional<Grant> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where id = ? for update").param(id)
            .query(Grants::map).optional();
    }

    List<Grant> lockOfResource(UUID resourceId) {
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where resource_id = ? and not revoked for update")
            .param(resourceId).query(Grants::map).list();
    }

    /** The newest unrevoked grant of a client on a resource whose period holds the day. */
    Optional<Grant> valid(UUID clientApplicationId, UUID resourceId, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where client_application_id = ? and resource_id = ? "
                + "and not revoked and valid_from <= ? and valid_until >= ? order by created_at desc limit 1")
            .params(clientApplicationId, resourceId, day, day).query(Grants::map).optional();
    }

    List<Grant> validOfClient(UUID clientApplicationId, LocalDate day) {
        return jdbc.sql("select distinct on (resource_id) " + COLUMNS + " from sharing_grant where client_application_id = ? "
                + "and not revoked and valid_from <= ? and valid_until >= ? order by resource_id, created_at desc")
            .params(clientApplicationId, day, day).query(Grants::map).list();
    }

    Optional<Grant> latest(UUID clientApplicationId, UUID resourceId) {
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where client_application_id = ? and resource_id = ? "
                + "order by created_at desc limit 1")
            .params(clientApplicationId, resourceId).query(Grants::map).optional();
    }

    List<Grant> page(String where, List<Object> params, int page, int size) {
        List<Object> all = new ArrayList<>(params);
        all.add(size);
        all.add((long) page * size);
        return jdbc.sql("select " + COLUMNS + " from sharing_grant where " + where
                + " order by review_needed desc, created_at desc limit ? offset ?")
            .params(all).query(Grants::map).list();
    }

    long count(String where, List<Object> params) {
        return jdbc.sql("select count(*) from sharing_grant where " + where).params(params).query(Long.class).single();
    }

    void step(UUID grantId, Instant at, Actor actor, String action, String comment, Object detail) {
        jdbc.sql("""
                insert into sharing_grant_step (grant_id, n, at, actor_id, actor_name, organization_id, action, comment,
                    detail)
                select ?, coalesce(max(n), 0) + 1, ?, ?, ?, ?, ?, ?, cast(? as jsonb)
                from sharing_grant_step where grant_id = ?
                """)
            .params(grantId, Applications.ts(at), actor.userId(), actor.name(), actor.organizationId(), action, comment,
                detail == null ? null : JSON.writeValueAsString(detail), grantId)
            .update();
    }

    List<org.govshare.sharing.GrantStep> steps(UUID grantId) {
        return jdbc.sql("select n, at, actor_name, organization_id, action, comment from sharing_grant_step "
                + "where grant_id = ? order by n")
            .param(grantId)
            .query((rs, i) -> new org.govshare.sharing.GrantStep(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6)))
            .list();
    }

    private static Grant map(ResultSet rs, int i) throws SQLException {
        Grant g = new Grant(rs.getObject("id", UUID.class), rs.getString("number"),
            rs.getObject("application_id", UUID.class), rs.getObject("consumer_id", UUID.class),
            rs.getObject("client_application_id", UUID.class), rs.getObject("resource_id", UUID.class),
            rs.getString("resource_code"), rs.getString("resource_name"), rs.getObject("provider_id", UUID.class),
            rs.getInt("resource_version"), Applications.strings(rs.getArray("items")),
            Applications.strings(rs.getArray("purposes")),
            JSON.readValue(rs.getString("row_scope"), new TypeReference<List<RowFilter>>() { }),
            JSON.readValue(rs.getString("masks"), new TypeReference<LinkedHashMap<String, Mask>>() { }),
            rs.getInt("daily_quota"), rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_until", LocalDate.class), Applications.instant(rs, "created_at"), rs.getLong("version"));
        g.revoked = rs.getBoolean("revoked");
        g.revokedReason = rs.getString("revoked_reason");
        g.revokedAt = Applications.instant(rs, "revoked_at");
        g.reviewNeeded = rs.getBoolean("review_needed");
        g.reviewReason = rs.getString("review_reason");
        g.updatedAt = Applications.instant(rs, "updated_at");
        g.expiryReminded = rs.getBoolean("expiry_reminded");
        return g;
    }

    static Map<String, Mask> copy(Map<String, Mask> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }
}
