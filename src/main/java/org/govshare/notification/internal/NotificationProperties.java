package org.govshare.notification.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications ({@code govshare.notification.*}).
 *
 * @param sender        whether this node sends queued e-mails and webhook deliveries (all nodes may;
 *                      a row is claimed by one at a time)
 * @param tick          how often the sender looks for due rows (it is also woken after each notice)
 * @param batch         rows claimed per turn and channel
 * @param lease         how long a claim lasts; a node that died mid-send releases its rows after it
 * @param retryBackoff  waits before each retry; after the last one fails the row is FAILED, so the
 *                      number of attempts is this list's size plus one
 * @param webhooks      endpoint rules and HTTP timeouts
 * @param mail          the sender address of notification e-mails
 */
@ConfigurationProperties("govshare.notification")
record NotificationProperties(@DefaultValue("true") boolean sender, @DefaultValue("5s") Duration tick,
                                     @DefaultValue("20") int batch, @DefaultValue("2m") Duration lease,
                                     @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> retryBackoff,
                                     @DefaultValue Webhooks webhooks, @DefaultValue Mail mail) {

    public int maxAttempts() {
        return retryBackoff.size() + 1;
    }

    /** The wait after the {@code attempts}-th failed attempt, or null when that was the last one. */
    public Duration backoffAfter(int attempts) {
        return attempts <= retryBackoff.size() ? retryBackoff.get(attempts - 1) : null;
    }

    /**
     * @param allowHttp              accept plain {@code http://} endpoints (development and tests only)
     * @param allowPrivateNetworks   accept endpoints on loopback, link-local, private and multicast
     *                               addresses (development and tests only)
     * @param connectTimeout         connecting to an endpoint
     * @param readTimeout            waiting for its answer
     */
    public record Webhooks(@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowPrivateNetworks,
                           @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
    }

    /** @param from the From address of notification e-mails */
    public record Mail(@DefaultValue("govshare@localhost") String from) {
    }
}
