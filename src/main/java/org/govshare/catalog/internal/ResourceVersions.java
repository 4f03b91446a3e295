package org.govshare.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.VersionView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Published versions, frozen as JSON snapshots: what consumers saw is never rewritten. */
@Component
class ResourceVersions {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    ResourceVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void publish(ResourceView content, int version, String approvedBy, String note, Instant at) {
        jdbc.sql("""
                insert into catalog_resource_version (resource_id, version, content, change_note, published_at, approved_by)
                values (?, ?, ?::jsonb, ?, ?, ?)
                """)
            .params(content.id(), version, json.writeValueAsString(content), note, Timestamp.from(at), approvedBy)
            .update();
    }

    Optional<ResourceView> latest(UUID resourceId) {
        return jdbc.sql("select content::text from catalog_resource_version where resource_id = ? order by version desc limit 1")
            .param(resourceId).query(String.class).optional().map(this::read);
    }

    Optional<ResourceView> version(UUID resourceId, int version) {
        return jdbc.sql("select content::text from catalog_resource_version where resource_id = ? and version = ?")
            .params(resourceId, version).query(String.class).optional().map(this::read);
    }

    List<VersionView> all(UUID resourceId) {
        return jdbc.sql("""
                select version, published_at, approved_by, change_note, content::text from catalog_resource_version
                where resource_id = ? order by version desc
                """)
            .param(resourceId)
            .query((rs, i) -> new VersionView(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), read(rs.getString(5))))
            .list();
    }

    private ResourceView read(String content) {
        return json.readValue(content, ResourceView.class);
    }
}
