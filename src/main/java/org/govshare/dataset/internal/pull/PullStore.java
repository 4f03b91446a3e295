package org.govshare.dataset.internal.pull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.ConnectionCheck;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadState;
import org.govshare.dataset.SourceDatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code dataset_source_db} and {@code dataset_pull}, read and written with plain SQL. */
@Component
class PullStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PullStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SourceRow(UUID id, UUID organizationId, String name, SourceDatabaseKind kind, String jdbcUrl,
                     String username, String passwordSealed, ConnectionCheck lastCheck, long version,
                     Instant createdAt, Instant updatedAt, int pullCount) {
    }

    record PullRow(UUID resourceId, UUID providerId, UUID sourceId, String sourceName, String table, String query,
                   String watermarkColumn, String watermark, Integer watermarkType, LoadMode mode, LoadPolicy policy,
                   ColumnMapping mapping, String cron, boolean enabled, Instant nextRunAt, String claimedBy,
                   Instant claimedUntil, Instant lastRunAt, UUID lastLoadId, LoadState lastState, int failures,
                   String lastError, long version, Instant updatedAt) {
    }

    private static final String SOURCE_COLUMNS = "s.*, (select count(*) from dataset_pull p where p.source_id = s.id) as pulls";

    Optional<SourceRow> source(UUID id) {
        return jdbc.sql("select " + SOURCE_COLUMNS + " from dataset_source_db s where s.id = ?").param(id)
            .query(PullStore::sourceRow).optional();
    }

    List<SourceRow> sources(UUID organizationId) {
        return jdbc.sql("select " + SOURCE_COLUMNS + " from dataset_source_db s where s.organization_id = ? order by s.name")
            .param(organizationId).query(PullStore::sourceRow).list();
    }

    boolean nameTaken(UUID organizationId, String name, UUID except) {
        return jdbc.sql("select count(*) from dataset_source_db where organization_id = ? and lower(name) = lower(?) "
                + "and id <> ?").params(organizationId, name, except == null ? new UUID(0, 0) : except)
            .query(Long.class).single() > 0;
    }

    void insertSource(UUID id, UUID organizationId, String name, SourceDatabaseKind kind, String url, String username,
                      String sealed, String by, Instant now) {
        jdbc.sql("""
                insert into dataset_source_db (id, organization_id, name, kind, jdbc_url, username, password_sealed,
                    created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, organizationId, name, kind.name(), url, username, sealed, by, ts(now), ts(now)).update();
    }

    int updateSource(UUID id, long expectedVersion, String name, SourceDatabaseKind kind, String url, String username,
                     String sealed, Instant now) {
        return jdbc.sql("""
                update dataset_source_db set name = ?, kind = ?, jdbc_url = ?, username = ?,
                    password_sealed = coalesce(?, password_sealed), version = version + 1, updated_at = ?,
                    checked_at = null, check_ok = null, check_version = null, check_code = null, check_detail = null,
                    check_millis = null
                where id = ? and version = ?""")
            .params(name, kind.name(), url, username, sealed, ts(now), id, expectedVersion).update();
    }

    void deleteSource(UUID id) {
        jdbc.sql("delete from dataset_source_db where id = ?").param(id).update();
    }

    void recordCheck(UUID id, ConnectionCheck check) {
        jdbc.sql("""
                update dataset_source_db set checked_at = ?, check_ok = ?, check_version = ?, check_code = ?,
                    check_detail = ?, check_millis = ? where id = ?""")
            .params(ts(check.checkedAt()), check.ok(), check.serverVersion(), check.code(), check.message(),
                check.millis(), id).update();
    }

    private static final String PULL_SELECT = """
        select p.*, s.name as source_name from dataset_pull p join dataset_source_db s on s.id = p.source_id""";

    Optional<PullRow> pull(UUID resourceId) {
        return jdbc.sql(PULL_SELECT + " where p.resource_id = ?").param(resourceId).query(PullStore::pullRow).optional();
    }

    List<PullRow> pulls(UUID providerId) {
        return jdbc.sql(PULL_SELECT + " where p.provider_id = ? order by p.updated_at desc").param(providerId)
            .query(PullStore::pullRow).list();
    }

    void upsertPull(UUID resourceId, UUID providerId, UUID sourceId, String table, String query, String watermarkColumn,
                    boolean resetWatermark, LoadMode mode, LoadPolicy policy, ColumnMapping mapping, String cron,
                    boolean enabled, Instant nextRunAt, String by, Instant now) {
        jdbc.sql("""
                insert into dataset_pull (resource_id, provider_id, source_id, table_name, query, watermark_column, mode,
                    policy, mapping, cron, enabled, next_run_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (resource_id) do update set provider_id = excluded.provider_id,
                    source_id = excluded.source_id, table_name = excluded.table_name, query = excluded.query,
                    watermark_column = excluded.watermark_column,
                    watermark = case when ? then null else dataset_pull.watermark end,
                    watermark_type = case when ? then null else dataset_pull.watermark_type end,
                    mode = excluded.mode, policy = excluded.policy, mapping = excluded.mapping, cron = excluded.cron,
                    enabled = excluded.enabled, next_run_at = excluded.next_run_at, failures = 0,
                    version = dataset_pull.version + 1, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
            .params(resourceId, providerId, sourceId, table, query, watermarkColumn, mode.name(), policy.name(),
                json(mapping), cron, enabled, ts(nextRunAt), by, ts(now), resetWatermark, resetWatermark)
            .update();
    }

    void deletePull(UUID resourceId) {
        jdbc.sql("delete from dataset_pull where resource_id = ?").param(resourceId).update();
    }

    /** Claims one definition for a run unless another run holds it; true when claimed. */
    boolean claim(UUID resourceId, String node, Instant until, Instant now) {
        return jdbc.sql("""
                update dataset_pull set claimed_by = ?, claimed_until = ?
                where resource_id = ? and (claimed_until is null or claimed_until < ?)""")
            .params(node, ts(until), resourceId, ts(now)).update() == 1;
    }

    /**
     * Claims up to {@code limit} due definitions. Rows another node is claiming right now are
     * skipped ({@code skip locked}), rows it holds are not due (their lease has not run out).
     */
    List<UUID> claimDue(String node, Instant until, Instant now, int limit) {
        return jdbc.sql("""
                update dataset_pull set claimed_by = ?, claimed_until = ?
                where resource_id in (
                    select resource_id from dataset_pull
                    where enabled and next_run_at <= ? and (claimed_until is null or claimed_until < ?)
                    order by next_run_at limit ? for update skip locked)
                returning resource_id""")
            .params(node, ts(until), ts(now), ts(now), limit).query(UUID.class).list();
    }

    void finish(UUID resourceId, UUID loadId, LoadState state, String error, int failures, Instant nextRunAt,
                String watermark, Integer watermarkType, Instant now) {
        jdbc.sql("""
                update dataset_pull set claimed_by = null, claimed_until = null, last_run_at = ?, last_load_id = ?,
                    last_state = ?, last_error = ?, failures = ?, next_run_at = ?,
                    watermark = coalesce(?, watermark), watermark_type = coalesce(?, watermark_type)
                where resource_id = ?""")
            .params(ts(now), loadId, state == null ? null : state.name(), error, failures, ts(nextRunAt), watermark,
                watermarkType, resourceId).update();
    }

    void release(UUID resourceId) {
        jdbc.sql("update dataset_pull set claimed_by = null, claimed_until = null where resource_id = ?")
            .param(resourceId).update();
    }

    private static SourceRow sourceRow(ResultSet rs, int n) throws SQLException {
        ConnectionCheck check = rs.getTimestamp("checked_at") == null ? null : new ConnectionCheck(
            rs.getBoolean("check_ok"), rs.getString("check_version"), rs.getString("check_code"),
            rs.getString("check_detail"), rs.getLong("check_millis"), instant(rs, "checked_at"));
        return new SourceRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
            rs.getString("name"), SourceDatabaseKind.valueOf(rs.getString("kind")), rs.getString("jdbc_url"),
            rs.getString("username"), rs.getString("password_sealed"), check, rs.getLong("version"),
            instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("pulls"));
    }

    private static PullRow pullRow(ResultSet rs, int n) throws SQLException {
        String state = rs.getString("last_state");
        int wmType = rs.getInt("watermark_type");
        Integer watermarkType = rs.wasNull() ? null : wmType;
        return new PullRow(rs.getObject("resource_id", UUID.class), rs.getObject("provider_id", UUID.class),
            rs.getObject("source_id", UUID.class), rs.getString("source_name"), rs.getString("table_name"),
            rs.getString("query"), rs.getString("watermark_column"), rs.getString("watermark"), watermarkType,
            LoadMode.valueOf(rs.getString("mode")), LoadPolicy.valueOf(rs.getString("policy")),
            mapping(rs.getString("mapping")), rs.getString("cron"), rs.getBoolean("enabled"),
            instant(rs, "next_run_at"), rs.getString("claimed_by"), instant(rs, "claimed_until"),
            instant(rs, "last_run_at"), rs.getObject("last_load_id", UUID.class),
            state == null ? null : LoadState.valueOf(state), rs.getInt("failures"), rs.getString("last_error"),
            rs.getLong("version"), instant(rs, "updated_at"));
    }

    private static String json(ColumnMapping mapping) {
        ColumnMapping m = mapping == null ? new ColumnMapping(Map.of(), null) : mapping;
        return JSON.writeValueAsString(Map.of("items", m.items(), "deleteColumn",
            m.deleteColumn() == null ? "" : m.deleteColumn()));
    }

    private static ColumnMapping mapping(String json) {
        Map<String, Object> m = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> items = (Map<String, String>) m.getOrDefault("items", Map.of());
        Object del = m.get("deleteColumn");
        return new ColumnMapping(items, del == null || del.toString().isEmpty() ? null : del.toString());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
