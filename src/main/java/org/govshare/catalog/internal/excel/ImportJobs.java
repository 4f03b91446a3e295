package org.govshare.catalog.internal.excel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogTransfer.Job;
import org.govshare.catalog.CatalogTransfer.Mode;
import org.govshare.catalog.CatalogTransfer.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import jobs table: one row per upload, updated as the job moves. */
@Component
class ImportJobs {

    /** Problems kept with a job; the count says how many there were in all. */
    static final int MAX_STORED_PROBLEMS = 5_000;

    private static final String COLUMNS = "id, organization_id, file_name, mode, status, phase, total_rows, processed_rows, "
        + "resource_count, imported_count, rejected_count, problem_count, created_by, created_at, started_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID organization, String fileName, long size, Mode mode, String createdBy, Instant now) {
        jdbc.sql("""
                insert into catalog_import_job (id, organization_id, file_name, file_size, mode, status, created_by,
                                                created_at, updated_at)
                values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)
                """)
            .params(id, organization, fileName, size, mode.name(), createdBy, Timestamp.from(now), Timestamp.from(now))
            .update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from catalog_import_job where id = ?").param(id)
            .query(ImportJobs::job).optional();
    }

    List<Job> recent(UUID organization, int limit) {
        return jdbc.sql("select " + COLUMNS + " from catalog_import_job where (?::uuid is null or organization_id = ?) "
                + "order by created_at desc limit ?")
            .params(organization, organization, limit).query(ImportJobs::job).list();
    }

    /** QUEUED to RUNNING; false if the job was cancelled meanwhile. */
    boolean start(UUID id, Instant now) {
        return jdbc.sql("update catalog_import_job set status = 'RUNNING', phase = 'READING', started_at = ?, updated_at = ? "
                + "where id = ? and status = 'QUEUED'")
            .params(Timestamp.from(now), Timestamp.from(now), id).update() == 1;
    }

    void progress(UUID id, String phase, int totalRows, int processedRows, int resources, int imported, int rejected) {
        jdbc.sql("""
                update catalog_import_job set phase = ?, total_rows = ?, processed_rows = ?, resource_count = ?,
                       imported_count = ?, rejected_count = ?, updated_at = now()
                where id = ?
                """)
            .params(phase, totalRows, processedRows, resources, imported, rejected, id).update();
    }

    boolean cancelRequested(UUID id) {
        return jdbc.sql("select cancel_requested from catalog_import_job where id = ?").param(id)
            .query(Boolean.class).optional().orElse(true);
    }

    /** A queued job is cancelled at once; a running one is asked to stop. */
    void requestCancel(UUID id, Instant now) {
        jdbc.sql("update catalog_import_job set status = 'CANCELLED', finished_at = ?, updated_at = ?, cancel_requested = true "
                + "where id = ? and status = 'QUEUED'")
            .params(Timestamp.from(now), Timestamp.from(now), id).update();
        jdbc.sql("update catalog_import_job set cancel_requested = true, updated_at = now() where id = ? and status = 'RUNNING'")
            .param(id).update();
    }

    void finish(UUID id, Status status, int totalRows, int processedRows, int resources, int imported, int rejected,
                List<Problem> problems, Instant now) {
        List<Problem> kept = problems.size() > MAX_STORED_PROBLEMS ? problems.subList(0, MAX_STORED_PROBLEMS) : problems;
        jdbc.sql("""
                update catalog_import_job set status = ?, phase = null, total_rows = ?, processed_rows = ?,
                       resource_count = ?, imported_count = ?, rejected_count = ?, problem_count = ?,
                       error_report = ?::jsonb, finished_at = ?, updated_at = ?
                where id = ?
                """)
            .params(status.name(), totalRows, processedRows, resources, imported, rejected, problems.size(),
                json.writeValueAsString(kept), Timestamp.from(now), Timestamp.from(now), id)
            .update();
    }

    List<Problem> problems(UUID id) {
        String report = jdbc.sql("select error_report::text from catalog_import_job where id = ?").param(id)
            .query(String.class).optional().orElse(null);
        return report == null ? List.of() : json.readValue(report, new TypeReference<List<Problem>>() { });
    }

    /** Jobs left QUEUED or RUNNING by a node that stopped: nothing moves them any more. */
    int failAbandoned(Instant olderThan, List<Problem> reason) {
        return jdbc.sql("""
                update catalog_import_job set status = 'FAILED', phase = null, finished_at = now(), updated_at = now(),
                       error_report = ?::jsonb, problem_count = ?
                where status in ('QUEUED', 'RUNNING') and updated_at < ?
                """)
            .params(json.writeValueAsString(reason), reason.size(), Timestamp.from(olderThan)).update();
    }

    private static Job job(ResultSet rs, int i) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        String phase = rs.getString("phase");
        int total = rs.getInt("total_rows");
        int processed = rs.getInt("processed_rows");
        int resources = rs.getInt("resource_count");
        int imported = rs.getInt("imported_count");
        int rejected = rs.getInt("rejected_count");
        return new Job(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
            rs.getString("file_name"), Mode.valueOf(rs.getString("mode")), status, phase, total, processed, resources,
            imported, rejected, rs.getInt("problem_count"), percent(status, phase, total, processed, resources, imported,
            rejected), rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "started_at"),
            instant(rs, "finished_at"));
    }

    /** Reading is the first 5 %, checking up to 50 %, writing the rest; a finished job is at 100 %. */
    static int percent(Status status, String phase, int total, int processed, int resources, int imported, int rejected) {
        if (status.finished()) {
            return 100;
        }
        if (status == Status.QUEUED || phase == null) {
            return 0;
        }
        return switch (phase) {
            case "READING" -> 2;
            case "CHECKING" -> 5 + (total == 0 ? 0 : 45 * processed / total);
            case "WRITING" -> {
                int toWrite = Math.max(1, resources - rejected);
                yield Math.min(99, 50 + 50 * imported / toWrite);
            }
            default -> 0;
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
