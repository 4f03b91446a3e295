package org.govshare.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code govshare.audit.*}).
 *
 * @param algorithm     chain hash for new entries: SHA-256 or SM3 (each entry records its own)
 * @param subjectKey    base64 HMAC key for subject keys; generated and kept in the database if unset
 * @param queueCapacity entries waiting for the writer before {@code append} pushes back
 * @param maxBatch      most entries written in one transaction
 * @param offerTimeout  how long {@code append} waits for room in a full queue before failing
 * @param fetchSize     rows per round trip when verifying
 * @param verifySegments how many parallel connections verify one range
 * @param batchLinger   how long the writer lets a batch gather more entries after its first one, when
 *                      entries arrive concurrently (the last batch had more than one): each commit then
 *                      serves several times more entries (measured with the data service under load:
 *                      PostgreSQL's CPU per call 111 us without, 67 us with 1 ms)
 */
@ConfigurationProperties("govshare.audit")
record AuditProperties(@DefaultValue("SHA-256") String algorithm, String subjectKey,
                       @DefaultValue("100000") int queueCapacity, @DefaultValue("5000") int maxBatch,
                       @DefaultValue("2s") Duration offerTimeout, @DefaultValue("20000") int fetchSize,
                       @DefaultValue("2") int verifySegments, @DefaultValue("1ms") Duration batchLinger) {
}
