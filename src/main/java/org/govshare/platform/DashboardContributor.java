package org.govshare.platform;

import java.util.List;

/**
 * Lets each module put its figures on the home dashboard without the platform knowing the module.
 */
public interface DashboardContributor {

    List<Tile> tilesFor(Actor actor);

    /** A figure and the message key of its label. */
    record Tile(String label, long value) {
    }
}
