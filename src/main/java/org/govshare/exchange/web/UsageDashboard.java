package org.govshare.exchange.web;

import java.util.ArrayList;
import java.util.List;
import org.govshare.exchange.DataServiceReports;
import org.govshare.platform.Actor;
import org.govshare.platform.DashboardContributor;
import org.springframework.stereotype.Component;

/**
 * The data service on the home dashboard: calls to my department's resources today (providers),
 * my clients' calls today and the grants at 80 % of their daily quota or more (consumers), and, on a day
 * with calls to my resources, their last 30 days as a chart. A department with none of these sees nothing.
 */
@Component
class UsageDashboard implements DashboardContributor {

    private final DataServiceReports reports;

    UsageDashboard(DataServiceReports reports) {
        this.reports = reports;
    }

    @Override
    public List<Tile> tilesFor(Actor actor) {
        if (!person(actor)) {
            return List.of();
        }
        DataServiceReports.Today today = reports.today();
        List<Tile> tiles = new ArrayList<>();
        if (today.providerCalls() > 0) {
            tiles.add(new Tile("exchange.stats.provider-today", today.providerCalls()));
        }
        if (today.consumerCalls() > 0 || today.quotaWarnings() > 0) {
            tiles.add(new Tile("exchange.stats.consumer-today", today.consumerCalls()));
            tiles.add(new Tile("exchange.stats.quota-warnings", today.quotaWarnings()));
        }
        return tiles;
    }

    @Override
    public List<Chart> chartsFor(Actor actor) {
        if (!person(actor) || reports.today().providerCalls() == 0) {
            return List.of();
        }
        return List.of(new Chart("exchange.stats.chart", "/data-services/usage/chart?side=provider"));
    }

    private static boolean person(Actor actor) {
        return actor != null && !actor.isClient() && actor.organizationId() != null;
    }
}
