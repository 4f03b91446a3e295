package org.govshare.dataset.internal.pull;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of pulls from staging databases ({@code govshare.dataset.pull.*}).
 *
 * @param scheduler      whether this node runs due pulls (all nodes may; they never run the same one twice)
 * @param tick           how often the scheduler looks for due pulls
 * @param concurrency    pulls one node runs at once
 * @param fetchSize      rows per round trip from the source
 * @param connectTimeout connecting to a source for a pull
 * @param testTimeout    connecting and answering {@code select 1} for a connection test
 * @param queryTimeout   longest a pull's statement may run (and how long a claim lasts, plus a margin)
 * @param retryBackoff   waits before the retries after a source failure, one per retry
 * @param waitForRun     how long "pull now" waits for the load to finish before answering with it running
 */
@ConfigurationProperties("govshare.dataset.pull")
record PullProperties(@DefaultValue("true") boolean scheduler, @DefaultValue("30s") Duration tick,
                      @DefaultValue("2") int concurrency, @DefaultValue("1000") int fetchSize,
                      @DefaultValue("10s") Duration connectTimeout, @DefaultValue("5s") Duration testTimeout,
                      @DefaultValue("1h") Duration queryTimeout,
                      @DefaultValue({"1m", "5m", "15m"}) List<Duration> retryBackoff,
                      @DefaultValue("20s") Duration waitForRun) {

    Duration lease() {
        return queryTimeout.plusMinutes(10);
    }
}
