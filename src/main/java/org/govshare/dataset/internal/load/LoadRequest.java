package org.govshare.dataset.internal.load;

import java.util.UUID;
import org.govshare.dataset.ColumnMapping;
import org.govshare.dataset.LoadChannel;
import org.govshare.dataset.LoadMode;
import org.govshare.dataset.LoadPolicy;
import org.govshare.platform.Actor;

/**
 * Everything the pipeline needs for one load. {@code source} is opened by the pipeline (inside the
 * job, so a slow source does not block the caller) and always closed. {@code sourceName} is what
 * the user recognises the load by: file name, batch id, source database and table.
 */
public record LoadRequest(UUID resourceId, LoadChannel channel, LoadMode mode, LoadPolicy policy, ColumnMapping mapping,
                          String sourceName, String batchId, SourceOpener source, Actor actor, String requestId) {

    @FunctionalInterface
    public interface SourceOpener {
        RowSource open() throws java.io.IOException;
    }
}
