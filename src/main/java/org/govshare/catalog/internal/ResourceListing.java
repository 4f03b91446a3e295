package org.govshare.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFilter;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceSummary;
import org.govshare.catalog.ShareType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists for workspaces and review queues. The viewer's own organization's resources (or all, for
 * the authority) show as they are being edited; other organizations' only as last published.
 */
@Component
class ResourceListing {

    private final JdbcClient jdbc;

    ResourceListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<ResourceSummary> list(ResourceFilter f, Pageable page, UUID ownOrganization, boolean authority) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (!authority) {
            // others' resources only once published, and never the working copy of a pending change
            where.append(" and (r.provider_id = ? or r.status in ('PUBLISHED','CHANGE_DRAFT','CHANGE_SUBMITTED'))");
            params.add(ownOrganization);
        }
        if (f.providerId() != null) {
            where.append(" and r.provider_id = ?");
            params.add(f.providerId());
        }
        if (f.status() != null) {
            where.append(" and r.status = ?");
            params.add(f.status().name());
        }
        if (f.classificationCode() != null && !f.classificationCode().isBlank()) {
            where.append(" and r.classification_code like ?");
            params.add(f.classificationCode().trim() + "%");
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (r.name like ? or r.code like ?)");
            String like = "%" + f.text().trim().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("select count(*) from catalog_resource r" + where).params(params).query(Long.class).single();
        boolean ownView = authority;
        String nameColumn = ownView ? "r.name" : "case when r.provider_id = ? then r.name else coalesce(v.content->>'name', r.name) end";
        List<Object> all = new ArrayList<>();
        if (!ownView) {
            all.add(ownOrganization);
        }
        all.addAll(params);
        all.add(page.getPageSize());
        all.add(page.getOffset());
        List<ResourceSummary> rows = jdbc.sql("select r.id, r.code, " + nameColumn + ", r.provider_id, r.classification_code, "
                + "r.share_type, r.open_type, r.status, r.published_version, "
                + "(select count(*) from catalog_data_item i where i.resource_id = r.id), r.updated_at "
                + "from catalog_resource r left join catalog_resource_version v "
                + "on v.resource_id = r.id and v.version = r.published_version"
                + where + " order by r.updated_at desc, r.code limit ? offset ?")
            .params(all)
            .query(ResourceListing::summary)
            .list();
        return new PageImpl<>(rows, page, total);
    }

    private static ResourceSummary summary(ResultSet rs, int i) throws SQLException {
        return new ResourceSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getObject(4, UUID.class), rs.getString(5), ShareType.valueOf(rs.getString(6)),
            OpenType.valueOf(rs.getString(7)), ResourceStatus.valueOf(rs.getString(8)), rs.getInt(9), rs.getInt(10),
            rs.getTimestamp(11).toInstant());
    }
}
