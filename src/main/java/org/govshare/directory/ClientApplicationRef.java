package org.govshare.directory;

import java.util.UUID;

/**
 * Which system of which department: what anyone inside the government may know of a client
 * application (a provider sees which system calls its data), without its keys or description.
 */
public record ClientApplicationRef(UUID id, UUID organizationId, String name, boolean active) {
}
