package org.govshare.catalog.internal.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search may show of a resource, read from the catalog's tables: the newest published
 * snapshot (for everyone) and, while it is unpublished or being changed, the working copy (for its
 * provider and the authority). A withdrawn resource has neither.
 */
@Component
class ResourceStates {

    private static final String PUBLISHED = "('PUBLISHED','CHANGE_DRAFT','CHANGE_SUBMITTED')";
    private static final String WORKING = "('DRAFT','SUBMITTED','CHANGE_DRAFT','CHANGE_SUBMITTED')";

    private static final String SNAPSHOTS = """
        select r.id, r.provider_id, r.status, v.content::text, v.published_at
        from catalog_resource r
        join catalog_resource_version v on v.resource_id = r.id and v.version = r.published_version
        where r.status in """ + PUBLISHED;

    private static final String WORKING_COPIES = """
        select r.id, r.code, r.classification_code, r.provider_id, r.name, r.summary, r.format, r.share_type,
               r.open_type, r.update_cycle, r.release_date, r.keywords, r.status, r.published_version, r.updated_at,
               (select json_agg(json_build_object('name', i.name, 'codeName', i.code_name, 'dataType', i.data_type,
                    'length', i.length, 'shareType', i.share_type, 'standardName', i.standard_name,
                    'sensitivity', i.sensitivity, 'key', i.key_item) order by i.position)
                from catalog_data_item i where i.resource_id = r.id)::text
        from catalog_resource r
        where r.status in """ + WORKING;

    /** One resource as search shows it; {@code published} and {@code working} may each be null. */
    record State(UUID id, UUID providerId, ResourceStatus status, ResourceView published, Instant publishedAt,
                 ResourceView working) {

        boolean visible() {
            return published != null || working != null;
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    ResourceStates(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The current state of each resource; ids that no longer exist are missing from the map. */
    Map<UUID, State> load(Collection<UUID> ids) {
        Map<UUID, State> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, Object[]> snapshots = new HashMap<>();
        jdbc.sql(SNAPSHOTS + " and r.id = any(?)").param(array).query(rs -> {
            snapshots.put(rs.getObject(1, UUID.class), snapshotRow(rs));
        });
        Map<UUID, ResourceView> working = new HashMap<>();
        jdbc.sql(WORKING_COPIES + " and r.id = any(?)").param(array).query(rs -> {
            ResourceView v = workingCopy(rs);
            working.put(v.id(), v);
        });
        jdbc.sql("select id, provider_id, status from catalog_resource where id = any(?)").param(array).query(rs -> {
            UUID id = rs.getObject(1, UUID.class);
            Object[] snap = snapshots.get(id);
            out.put(id, new State(id, rs.getObject(2, UUID.class), ResourceStatus.valueOf(rs.getString(3)),
                snap == null ? null : (ResourceView) snap[0], snap == null ? null : (Instant) snap[1], working.get(id)));
        });
        return out;
    }

    /** Every resource search may show, streamed (call inside a transaction so the driver uses a cursor). */
    void scan(Consumer<State> sink) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        // working copies of changes are few: keep them and attach them to their published snapshot
        Map<UUID, ResourceView> changes = new HashMap<>();
        cursor.query(WORKING_COPIES, rs -> {
            ResourceView v = workingCopy(rs);
            if (v.status().hasPublishedVersion()) {
                changes.put(v.id(), v);
            } else {
                sink.accept(new State(v.id(), v.providerId(), v.status(), null, null, v));
            }
        });
        cursor.query(SNAPSHOTS, rs -> {
            Object[] snap = snapshotRow(rs);
            UUID id = rs.getObject(1, UUID.class);
            sink.accept(new State(id, rs.getObject(2, UUID.class), ResourceStatus.valueOf(rs.getString(3)),
                (ResourceView) snap[0], (Instant) snap[1], changes.get(id)));
        });
    }

    long countVisible() {
        return jdbc.sql("select count(*) from catalog_resource where status <> 'WITHDRAWN'").query(Long.class).single();
    }

    private Object[] snapshotRow(ResultSet rs) throws SQLException {
        return new Object[] {json.readValue(rs.getString(4), ResourceView.class), rs.getTimestamp(5).toInstant()};
    }

    private ResourceView workingCopy(ResultSet rs) throws SQLException {
        String items = rs.getString(16);
        List<DataItemView> list = items == null ? List.of()
            : json.readValue(items, new TypeReference<List<DataItemView>>() { });
        java.sql.Date release = rs.getDate(11);
        return new ResourceView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
            rs.getString(5), rs.getString(6), ResourceFormat.valueOf(rs.getString(7)), ShareType.valueOf(rs.getString(8)),
            null, null, OpenType.valueOf(rs.getString(9)), null, UpdateCycle.valueOf(rs.getString(10)),
            release == null ? null : release.toLocalDate(), List.of(), null, rs.getString(12), new ArrayList<>(list),
            ResourceStatus.valueOf(rs.getString(13)), rs.getInt(14), null, null, 0, rs.getTimestamp(15).toInstant());
    }
}
