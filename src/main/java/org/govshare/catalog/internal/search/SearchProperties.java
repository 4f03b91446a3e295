package org.govshare.catalog.internal.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog search index ({@code govshare.catalog.search.*}). Every node keeps its
 * own index on local disk and follows {@code catalog_change_log}.
 *
 * @param indexDir       where this node keeps its index generations
 * @param pollInterval   how often the tailer reads the change log when nobody nudges it
 * @param commitInterval how often applied changes are made durable (searchers see them at once)
 * @param gapTimeout     how long a hole in the change log sequence is waited for at most, should the
 *                       transaction-horizon check never close it
 * @param buildThreads   threads that analyse documents during a full rebuild
 * @param concurrency    searches that run at once (0: one per processor); more wait their turn in
 *                       order, which keeps latency low under load instead of time-slicing every
 *                       search, the way search engines size their search thread pools
 * @param queueTimeout   how long a search waits for its turn before it is refused as busy (503)
 */
@ConfigurationProperties("govshare.catalog.search")
record SearchProperties(@DefaultValue("data/search") String indexDir,
                        @DefaultValue("500ms") Duration pollInterval,
                        @DefaultValue("5s") Duration commitInterval,
                        @DefaultValue("30m") Duration gapTimeout,
                        @DefaultValue("2") int buildThreads,
                        @DefaultValue("0") int concurrency,
                        @DefaultValue("10s") Duration queueTimeout) {
}
