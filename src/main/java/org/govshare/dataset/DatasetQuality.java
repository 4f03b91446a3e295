package org.govshare.dataset;

import java.util.List;
import java.util.UUID;

/**
 * Read-only quality and freshness of published resources, for assessment and dashboards. The
 * sharing authority (and the platform itself) reads every department's; a department's own people
 * read their own; anyone else gets 403. Quality is measured after each applied load; freshness is
 * computed from the update cycle the catalog entry promises and the last applied load.
 */
public interface DatasetQuality {

    /**
     * Health of every published resource of a department, or of all departments when
     * {@code providerId} is null (authority only), ordered by resource code.
     */
    List<DatasetHealth> health(UUID providerId);
}
