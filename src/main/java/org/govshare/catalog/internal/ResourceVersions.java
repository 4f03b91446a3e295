package org.govshare.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import org.govshare.catalog.PublishedResource;
import org.govshare.catalog.UpdateCycle;

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

    /** The newest published version of every listed resource, from the snapshots' fields in SQL. */
    List<PublishedResource> newestPublished(UUID providerId, String text) {
        StringBuilder sql = new StringBuilder("""
            select distinct on (v.resource_id) v.resource_id, v.content->>'code', v.content->>'name', r.provider_id,
                   v.content->>'updateCycle', v.content->>'releaseDate', v.version, v.published_at
              from catalog_resource_version v join catalog_resource r on r.id = v.resource_id
             where r.status in ('PUBLISHED', 'CHANGE_DRAFT', 'CHANGE_SUBMITTED')
            """);
        List<Object> params = new ArrayList<>();
        if (providerId != null) {
            sql.append(" and r.provider_id = ?");
            params.add(providerId);
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (strpos(v.content->>'name', ?) > 0 or strpos(v.content->>'code', ?) > 0)");
            params.add(text.strip());
            params.add(text.strip());
        }
        sql.append(" order by v.resource_id, v.version desc");
        List<PublishedResource> out = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
            .query((rs, i) -> new PublishedResource(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5) == null ? null : UpdateCycle.valueOf(rs.getString(5)),
                rs.getString(6) == null ? null : LocalDate.parse(rs.getString(6)), rs.getInt(7),
                rs.getTimestamp(8).toInstant()))
            .list());
        out.sort(Comparator.comparing(PublishedResource::code));
        return out;
    }

    private ResourceView read(String content) {
        return json.readValue(content, ResourceView.class);
    }
}
