package org.govshare.platform;

/**
 * Data calls run a bounded number at a time, the rest waiting in arrival order (the platform's
 * admission filter), so that under load a call queues for its turn instead of every call slowing
 * every other down: the slowest calls then take about as long as the average one. A call gives its
 * slot back before it waits for something that needs no processor here (its durable audit entry),
 * so the slots stay with work the processors can do.
 */
public final class CallSlots {

    private static final ThreadLocal<Runnable> HELD = new ThreadLocal<>();

    private CallSlots() {
    }

    /** Gives back the current thread's slot, if it holds one; harmless to call again. */
    public static void release() {
        Runnable releaser = HELD.get();
        if (releaser != null) {
            HELD.remove();
            releaser.run();
        }
    }

    /** For the admission filter: the current thread now holds a slot that {@code releaser} gives back. */
    public static void held(Runnable releaser) {
        HELD.set(releaser);
    }
}
