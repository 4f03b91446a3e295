package org.govshare.dataset.internal.file;

import org.govshare.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of an upload as a whole, each naming the field {@code file}; messages {@code problem.<code>}. */
final class Refusals {

    private Refusals() {
    }

    static ProblemException unsupported(String fileName) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-type-unsupported", "file",
            "problem.file-type-unsupported", fileName);
    }

    static ProblemException xls() {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-xls", "file", "problem.file-xls");
    }

    static ProblemException refused(String code, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, "file", "problem." + code, args);
    }
}
