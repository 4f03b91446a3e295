package org.govshare.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A notice to send: to the users of {@code organizationId} holding any of {@code roles}
 * ({@link org.govshare.platform.Roles} names; empty: every user of the organization).
 *
 * @param kind        stable machine code such as {@code sharing.application.submitted}; webhooks filter on it
 * @param messageKey  message key rendered in the reader's language at read time, with {@code args}
 * @param args        message arguments (strings, numbers); stored, not the rendered text
 * @param link        console path the notice leads to, starting with "/" (e.g. {@code /sharing/applications/…})
 * @param subjectType what the notice is about (e.g. {@code sharing-application}); optional
 * @param subjectId   its id; optional
 * @param data        a small map added to the webhook payload; optional
 */
public record Notice(UUID organizationId, Set<String> roles, String kind, String messageKey, List<Object> args,
                     String link, String subjectType, String subjectId, Map<String, Object> data) {

    public Notice {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        args = args == null ? List.of() : List.copyOf(args);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A notice to everyone of the organization holding any of the roles, without webhook data. */
    public static Notice of(UUID organizationId, Set<String> roles, String kind, String messageKey, String link,
                            Object... args) {
        return new Notice(organizationId, roles, kind, messageKey, List.of(args), link, null, null, null);
    }

    public Notice about(String type, Object id) {
        return new Notice(organizationId, roles, kind, messageKey, args, link, type, id == null ? null : id.toString(),
            data);
    }

    public Notice withData(Map<String, Object> more) {
        return new Notice(organizationId, roles, kind, messageKey, args, link, subjectType, subjectId, more);
    }
}
