package org.govshare.dataset;

import java.time.Instant;
import java.util.Map;

/** One current record: its key (key items' values joined), values by item code name, and the change that last wrote it. */
public record RecordView(String key, Map<String, Object> values, long seq, Instant changedAt) {
}
