package org.govshare.catalog.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.govshare.catalog.CatalogWorkspace;
import org.govshare.catalog.ResourceStatus;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CatalogWorkspaceService implements CatalogWorkspace {

    /** Statuses whose newest published version is visible to everyone. */
    static final String PUBLISHED = "('PUBLISHED','CHANGE_DRAFT','CHANGE_SUBMITTED')";

    private final CatalogAccess access;
    private final JdbcClient jdbc;

    CatalogWorkspaceService(CatalogAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public boolean mayCatalogue(UUID providerId) {
        return CurrentActor.find().map(a -> !a.isClient()
            && (access.canCatalogue(a, providerId) || access.isAuthority(a))).orElse(false);
    }

    @Override
    public boolean mayReview() {
        // cheap for everyone but reviewers: the organization is looked up only for them
        return CurrentActor.find().map(access::canReview).orElse(false);
    }

    @Override
    public boolean isAuthority() {
        return CurrentActor.find().map(access::isAuthority).orElse(false);
    }

    @Override
    public Page<ReviewTask> reviewQueue(Pageable page) {
        if (!mayReview()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
        }
        long total = jdbc.sql("select count(*) from catalog_resource where status in ('SUBMITTED','CHANGE_SUBMITTED')")
            .query(Long.class).single();
        List<ReviewTask> rows = jdbc.sql("""
                select r.id, r.code, r.name, r.provider_id, r.classification_code, r.status, r.published_version,
                       (select count(*) from catalog_data_item i where i.resource_id = r.id), r.submitted_at
                from catalog_resource r where r.status in ('SUBMITTED','CHANGE_SUBMITTED')
                order by r.submitted_at nulls first, r.code limit ? offset ?
                """)
            .params(page.getPageSize(), page.getOffset())
            .query((rs, i) -> {
                Timestamp at = rs.getTimestamp(9);
                return new ReviewTask(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getObject(4, UUID.class), rs.getString(5), ResourceStatus.valueOf(rs.getString(6)), rs.getInt(7),
                    rs.getInt(8), at == null ? null : at.toInstant());
            })
            .list();
        return new PageImpl<>(rows, page, total);
    }

    @Override
    public List<ProviderShares> publishedByProvider(int top) {
        if (!isAuthority()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
        }
        // the share type others see is the published version's, not a pending change's
        return jdbc.sql("""
                select r.provider_id,
                       count(*) filter (where s.share_type = 'UNCONDITIONAL'),
                       count(*) filter (where s.share_type = 'CONDITIONAL'),
                       count(*) filter (where s.share_type = 'NOT_SHARED')
                from catalog_resource r
                left join catalog_resource_version v on v.resource_id = r.id and v.version = r.published_version
                cross join lateral (select coalesce(v.content->>'shareType', r.share_type) as share_type) s
                where r.status in %s
                group by r.provider_id order by count(*) desc, r.provider_id limit ?
                """.formatted(PUBLISHED))
            .param(top)
            .query((rs, i) -> new ProviderShares(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .list();
    }
}
