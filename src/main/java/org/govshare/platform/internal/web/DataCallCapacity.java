package org.govshare.platform.internal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many data calls may run at once on a node ({@code govshare.data-service.concurrent-calls}),
 * which is also how many request threads the data port has. By default two per processor, plus
 * one for each export that may stream at once ({@code govshare.data-service.concurrent-exports}):
 * an export keeps its thread for its whole stream, so without them a streaming export would leave
 * fewer threads than calls may run. The pool is no larger than the slots because a thread that
 * finds them all taken parks until one is given back, a context switch for nearly every call under
 * load (interleaved runs of bench/gateway's lookups: 8 threads for 4 slots cost about 8 µs of JVM
 * time a lookup more than 4 for 4);
 * with as many slots as threads, a request waits in the connector's queue instead, where waiting
 * costs nothing.
 */
@Component
class DataCallCapacity {

    private final int slots;

    DataCallCapacity(@Value("${govshare.data-service.concurrent-calls:0}") int configured,
                     @Value("${govshare.data-service.concurrent-exports:2}") int exports) {
        this.slots = configured > 0 ? configured
            : 2 * Runtime.getRuntime().availableProcessors() + Math.max(0, exports);
    }

    int slots() {
        return slots;
    }
}
