package org.govshare.sharing.internal;

import org.springframework.context.ApplicationContext;

/** For tests elsewhere: runs one pass of the package-private deadline sweep now instead of waiting for its schedule. */
public final class SharingTestHooks {

    private SharingTestHooks() {
    }

    public static int sweep(ApplicationContext context) {
        return context.getBean(DeadlineSweep.class).sweep();
    }
}
