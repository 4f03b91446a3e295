package org.govshare.audit;

import java.time.Duration;

/**
 * Outcome of a chain verification: how much was checked, how fast, and the first break if any
 * ({@code firstBroken} is null when the chain is intact).
 */
public record VerificationReport(long fromSeq, long toSeq, long entriesChecked, Duration elapsed, String algorithm,
                                 Broken firstBroken) {

    /** A row's fields no longer give its stored hash: it was altered. */
    public static final String HASH_MISMATCH = "hash-mismatch";
    /** A row's prev_hash is not the previous row's hash: rows were replaced or reordered. */
    public static final String LINK_MISMATCH = "link-mismatch";
    /** A sequence number is missing: a row was deleted. */
    public static final String GAP = "gap";
    /** The head names more (or other) entries than the table holds: trailing rows were deleted. */
    public static final String HEAD_MISMATCH = "head-mismatch";

    public boolean ok() {
        return firstBroken == null;
    }

    public long entriesPerSecond() {
        long nanos = Math.max(1, elapsed.toNanos());
        return (long) (entriesChecked * 1_000_000_000.0 / nanos);
    }

    /** Where the chain first breaks and why (one of the reason constants above). */
    public record Broken(long seq, String reason) {
    }
}
