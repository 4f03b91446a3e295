package org.govshare.sharing;

import java.time.Instant;
import java.util.UUID;

/** One entry of an application's timeline. */
public record ApplicationStep(int n, Instant at, String actorName, UUID organizationId, String action,
                              ApplicationState stateAfter, String comment) {
}
