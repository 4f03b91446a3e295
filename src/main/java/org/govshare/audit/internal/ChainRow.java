package org.govshare.audit.internal;

import java.util.List;

/**
 * One entry as the chain hashes it: every stored field except the two hashes, in the canonical
 * order. UUIDs are kept in their text form (lowercase 8-4-4-4-12, as PostgreSQL prints them) so
 * the writer and the verifier feed the digest the same bytes.
 */
record ChainRow(long seq, long occurredAtMicros, String actorUserId, String actorName, String organizationId,
                String clientApplicationId, String action, String targetType, String targetId,
                String targetOrganizationId, String purpose, String outcome, String requestId, String detail,
                List<String> subjectKeys, String hashAlg) {

    /**
     * The canonical encoding: each field is its UTF-8 bytes behind a 4-byte big-endian length
     * (-1 for null), in this fixed order; numbers in decimal, the time as microseconds since the
     * epoch; subject keys as a 4-byte count (-1 for null) followed by each key as a field. Length
     * prefixes make the encoding unambiguous: no choice of field values can shift a boundary.
     */
    void encode(CanonicalEncoder out) {
        out.number(seq)
            .number(occurredAtMicros)
            .text(actorUserId)
            .text(actorName)
            .text(organizationId)
            .text(clientApplicationId)
            .text(action)
            .text(targetType)
            .text(targetId)
            .text(targetOrganizationId)
            .text(purpose)
            .text(outcome)
            .text(requestId)
            .text(detail)
            .list(subjectKeys)
            .text(hashAlg);
    }
}
