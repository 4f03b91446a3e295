package org.govshare.audit;

/**
 * Recomputes the hash chain to prove the log was not altered: every entry's hash over its
 * fields, every link to the entry before, no missing sequence number, and the stored head.
 * Reports the first break it finds.
 */
public interface AuditVerification {

    /** The whole chain, from the first entry to the head. */
    VerificationReport verify();

    /** The entries {@code fromSeq..toSeq} (inclusive), linked to the entry before {@code fromSeq}. */
    VerificationReport verify(long fromSeq, long toSeq);
}
