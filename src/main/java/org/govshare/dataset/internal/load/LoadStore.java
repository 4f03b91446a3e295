package org.govshare.dataset.internal.load;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.dataset.LoadState;
import org.govshare.dataset.LoadView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code dataset_load} table: one row per load, moved QUEUED → RUNNING → outcome in short
 * statements of their own (the caller decides the transaction), read by the console and the API.
 */
@Component
public class LoadStore {

    static final String COLUMNS = "id, resource_id, provider_id, channel, mode, policy, state, source, batch_id, "
        + "content_hash, version, rows_read, rows_accepted, rows_rejected, inserted, updated, deleted, first_seq, last_seq, "
        + "percent, error_code, error_message, started_by, created_at, finished_at, rolled_back_by";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    LoadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A load row with its provider, for the access checks of callers that only know the load id. */
    public record StoredLoad(LoadView view, UUID providerId, String contentHash) {
    }

    void insert(UUID id, UUID providerId, LoadRequest r, LoadState state, String contentHash, Instant now) {
        jdbc.sql("""
                insert into dataset_load (id, resource_id, provider_id, channel, mode, policy, state, source, batch_id,
                                          content_hash, started_by, created_at, started_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .params(id, r.resourceId(), providerId, r.channel().name(), r.mode().name(), r.policy().name(), state.name(),
                cut(r.sourceName(), 500), r.batchId(), contentHash,
                cut(r.actor() == null ? "system" : r.actor().name(), 128), Timestamp.from(now),
                state == LoadState.RUNNING ? Timestamp.from(now) : null, Timestamp.from(now))
            .update();
    }

    /** QUEUED to RUNNING; false when it was cancelled meanwhile. */
    boolean start(UUID id) {
        return jdbc.sql("update dataset_load set state = 'RUNNING', started_at = now(), updated_at = now() "
            + "where id = ? and state = 'QUEUED'").param(id).update() == 1;
    }

    /** Writes progress and the heartbeat; returns whether someone asked the load to stop. */
    boolean progress(UUID id, long read, long accepted, long rejected, int percent) {
        return jdbc.sql("""
                update dataset_load set rows_read = ?, rows_accepted = ?, rows_rejected = ?, percent = ?, updated_at = now()
                where id = ? returning cancel_requested
                """)
            .params(read, accepted, rejected, percent, id).query(Boolean.class).optional().orElse(true);
    }

    void heartbeat(List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update dataset_load set updated_at = now() where id = any(?) and state in ('QUEUED', 'RUNNING')")
                .param(ids.toArray(new UUID[0])).update();
        }
    }

    void succeed(UUID id, int version, Counts c, long firstSeq, long lastSeq, long problems) {
        jdbc.sql("""
                update dataset_load set state = 'SUCCEEDED', version = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                       inserted = ?, updated = ?, deleted = ?, first_seq = ?, last_seq = ?, percent = 100,
                       problem_count = ?, finished_at = now(), updated_at = now()
                where id = ?
                """)
            .params(version, c.read, c.accepted, c.rejected, c.inserted, c.updated, c.deleted, firstSeq, lastSeq, problems, id)
            .update();
    }

    void finishUnapplied(UUID id, LoadState state, Counts c, String errorCode, String errorMessage, long problems) {
        jdbc.sql("""
                update dataset_load set state = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?, percent = 100,
                       error_code = ?, error_message = ?, problem_count = ?, finished_at = now(), updated_at = now()
                where id = ?
                """)
            .params(state.name(), c.read, c.accepted, c.rejected, errorCode, cut(errorMessage, 1000), problems, id)
            .update();
    }

    void markRolledBack(UUID id, UUID by) {
        jdbc.sql("update dataset_load set state = 'ROLLED_BACK', rolled_back_by = ?, updated_at = now() where id = ?")
            .params(by, id).update();
    }

    void setRollbackOf(UUID id, UUID of) {
        jdbc.sql("update dataset_load set rollback_of = ? where id = ?").params(of, id).update();
    }

    /** A queued load is cancelled at once; a running one is asked to stop at its next progress tick. */
    void requestCancel(UUID id) {
        jdbc.sql("update dataset_load set state = 'CANCELLED', cancel_requested = true, percent = 100, finished_at = now(), "
            + "updated_at = now() where id = ? and state = 'QUEUED'").param(id).update();
        jdbc.sql("update dataset_load set cancel_requested = true where id = ? and state = 'RUNNING'").param(id).update();
    }

    /** Loads left RUNNING (or QUEUED) by a node that stopped: their data transaction never committed. */
    int failAbandoned(Instant heartbeatBefore) {
        return jdbc.sql("""
                update dataset_load set state = 'FAILED', error_code = 'interrupted', percent = 100, finished_at = now(),
                       updated_at = now()
                where state in ('QUEUED', 'RUNNING') and updated_at < ?
                """)
            .param(Timestamp.from(heartbeatBefore)).update();
    }

    public Optional<StoredLoad> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from dataset_load where id = ?").param(id).query(LoadStore::stored)
            .optional();
    }

    public Optional<StoredLoad> findBatch(UUID resourceId, String batchId) {
        return jdbc.sql("select " + COLUMNS + " from dataset_load where resource_id = ? and batch_id = ?")
            .params(resourceId, batchId).query(LoadStore::stored).optional();
    }

    public List<LoadView> page(UUID resourceId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from dataset_load where resource_id = ? order by created_at desc, id "
                + "limit ? offset ?")
            .params(resourceId, limit, offset).query(LoadStore::view).list();
    }

    public long count(UUID resourceId) {
        return jdbc.sql("select count(*) from dataset_load where resource_id = ?").param(resourceId).query(Long.class)
            .single();
    }

    // --- rejections -----------------------------------------------------------------------------

    void insertRejections(UUID loadId, List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        int n = 0;
        List<Object[]> batch = new java.util.ArrayList<>(problems.size());
        for (RowProblem p : problems) {
            batch.add(new Object[] {loadId, ++n, p.row(), cut(p.item(), 200), cut(p.value(), 200), cut(p.code(), 64),
                p.args() == null || p.args().length == 0 ? null : json.writeValueAsString(p.args())});
        }
        for (int from = 0; from < batch.size(); from += 1000) {
            List<Object[]> chunk = batch.subList(from, Math.min(batch.size(), from + 1000));
            StringBuilder sql = new StringBuilder(
                "insert into dataset_rejection (load_id, n, row_no, item, value, code, args) values ");
            List<Object> params = new java.util.ArrayList<>(chunk.size() * 7);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?::jsonb)");
                params.addAll(java.util.Arrays.asList(chunk.get(i)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** Stored rejections in report order: whole-source problems first, then by row. */
    public List<RowProblem> rejections(UUID loadId, int limit) {
        return jdbc.sql("select row_no, item, value, code, args::text as args from dataset_rejection where load_id = ? "
                + "order by row_no nulls first, n limit ?")
            .params(loadId, limit)
            .query((rs, i) -> {
                long row = rs.getLong("row_no");
                Long rowNo = rs.wasNull() ? null : row;
                String args = rs.getString("args");
                Object[] a = args == null ? new Object[0] : json.readValue(args, Object[].class);
                return new RowProblem(rowNo, rs.getString("item"), rs.getString("value"), rs.getString("code"), a);
            }).list();
    }

    // --- mapping --------------------------------------------------------------------------------

    static StoredLoad stored(ResultSet rs, int i) throws SQLException {
        return new StoredLoad(view(rs, i), rs.getObject("provider_id", UUID.class), rs.getString("content_hash"));
    }

    static LoadView view(ResultSet rs, int i) throws SQLException {
        LoadState state = LoadState.valueOf(rs.getString("state"));
        return new LoadView(rs.getObject("id", UUID.class), rs.getObject("resource_id", UUID.class),
            LoadChannel.valueOf(rs.getString("channel")), LoadMode.valueOf(rs.getString("mode")),
            LoadPolicy.valueOf(rs.getString("policy")), state, rs.getString("source"), rs.getString("batch_id"),
            rs.getInt("version"), rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_rejected"),
            rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("deleted"), rs.getLong("first_seq"),
            rs.getLong("last_seq"), state.finished() ? 100 : rs.getInt("percent"), rs.getString("error_code"),
            rs.getString("error_message"), rs.getString("started_by"), instant(rs, "created_at"),
            instant(rs, "finished_at"), rs.getObject("rolled_back_by", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The counters of a load as it runs. */
    static final class Counts {
        long read;
        long accepted;
        long rejected;
        long inserted;
        long updated;
        long deleted;
    }
}
