package org.govshare.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog on the home dashboard: a department sees its own drafts, what waits for review and
 * what is published; the authority sees the whole queue and the published total, and a chart of
 * published resources per provider by share type.
 */
@Component
class CatalogDashboard implements DashboardContributor {

    private final CatalogAccess access;
    private final JdbcClient jdbc;

    CatalogDashboard(CatalogAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (actor == null || actor.isClient()) {
            return List.of();
        }
        List<Tile> tiles = new ArrayList<>();
        boolean authority = access.isAuthority(actor);
        if (authority) {
            tiles.add(new Tile("catalog.stats.awaiting-review", count("status in ('SUBMITTED','CHANGE_SUBMITTED')")));
            tiles.add(new Tile("catalog.stats.published-total", count("status in " + CatalogWorkspaceService.PUBLISHED)));
        }
        if (actor.organizationId() != null && !actor.isPlatformAdmin()) {
            var counts = jdbc.sql("""
                    select count(*) filter (where status in ('DRAFT','CHANGE_DRAFT')),
                           count(*) filter (where status in ('SUBMITTED','CHANGE_SUBMITTED')),
                           count(*) filter (where status in %s)
                    from catalog_resource where provider_id = ?
                    """.formatted(CatalogWorkspaceService.PUBLISHED))
                .param(actor.organizationId())
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
            if (!authority || counts[0] + counts[1] + counts[2] > 0) {
                tiles.add(new Tile("catalog.stats.own-drafts", counts[0]));
                tiles.add(new Tile("catalog.stats.own-submitted", counts[1]));
                tiles.add(new Tile("catalog.stats.own-published", counts[2]));
            }
        }
        return tiles;
    }

    @Override
    public List<Chart> chartsFor(Actor actor) {
        return actor != null && !actor.isClient() && access.isAuthority(actor)
            ? List.of(new Chart("catalog.chart.providers", "/catalog/stats/providers"))
            : List.of();
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from catalog_resource where " + where).query(Long.class).single();
    }
}
