package org.govshare.dataset;

import java.util.List;
import java.util.Map;

/**
 * A batch pushed by a department's own system: records to insert or replace and keys to delete,
 * values by item code name. {@code batchId} makes it idempotent: the same id with the same content
 * returns the first outcome; with other content it is refused.
 */
public record PushBatch(String batchId, List<Map<String, Object>> upserts, List<Map<String, Object>> deletes,
                        LoadPolicy policy) {

    public PushBatch {
        upserts = upserts == null ? List.of() : upserts;
        deletes = deletes == null ? List.of() : deletes;
        policy = policy == null ? LoadPolicy.ALL_OR_NOTHING : policy;
    }
}
