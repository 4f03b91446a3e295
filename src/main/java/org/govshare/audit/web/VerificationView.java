package org.govshare.audit.web;

import org.govshare.audit.VerificationReport;

/** A verification report as the API and the console show it: times in milliseconds, speed precomputed. */
record VerificationView(boolean ok, long fromSeq, long toSeq, long entriesChecked, long elapsedMillis,
                        long entriesPerSecond, String algorithm, VerificationReport.Broken firstBroken) {

    static VerificationView of(VerificationReport r) {
        return new VerificationView(r.ok(), r.fromSeq(), r.toSeq(), r.entriesChecked(), r.elapsed().toMillis(),
            r.entriesPerSecond(), r.algorithm(), r.firstBroken());
    }
}
