package org.govshare.audit.internal;

import java.util.List;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.govshare.platform.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Platform administrators see how long the chain is; read from the head, so it costs nothing on a big log. */
@Component
class AuditDashboardTile implements DashboardContributor {

    private final JdbcClient jdbc;

    AuditDashboardTile(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Chart> chartsFor(Actor actor) {
        boolean reads = actor != null && !actor.isClient() && (actor.isPlatformAdmin()
            || actor.hasRole(Roles.AUDITOR) || actor.hasRole(Roles.ORG_ADMIN));
        return reads ? List.of(new Chart("audit.chart.activity", "/audit/activity")) : List.of();
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (actor == null || !actor.isPlatformAdmin()) {
            return List.of();
        }
        long entries = jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();
        return List.of(new Tile("audit.stats.entries", entries));
    }
}
