package org.govshare.notification;

import java.util.List;

/**
 * A webhook endpoint to register: an {@code https://} URL (plain {@code http://} only where the
 * platform allows it), what it is for, and the notice kinds it wants (empty: all).
 */
public record WebhookDraft(String url, String description, List<String> kinds) {

    public WebhookDraft {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}
