package org.govshare.platform;

import java.util.List;

/**
 * Lets each module put its figures on the home dashboard without the platform knowing the module.
 */
public interface DashboardContributor {

    List<Tile> tilesFor(Actor actor);

    /** Charts the module draws on the dashboard for this actor; none by default. */
    default List<Chart> chartsFor(Actor actor) {
        return List.of();
    }

    /** A figure and the message key of its label. */
    record Tile(String label, long value) {
    }

    /**
     * A chart: the message key of its title and the URL of its data, a JSON object
     * {@code {"categories": [...], "series": [{"name": ..., "data": [...]}]}} drawn as stacked bars.
     */
    record Chart(String title, String dataUrl) {
    }
}
