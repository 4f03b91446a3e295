package org.govshare.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Several broken rules at once, so a form or an import row shows every problem in one round
 * instead of one per attempt. Rendered as a 422 problem with an {@code errors} list.
 */
public class ViolationsException extends ProblemException {

    private final List<Violation> violations;

    public ViolationsException(List<Violation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed", violations.get(0).field(),
            "problem." + violations.get(0).code(), violations.get(0).args().toArray());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Throws if any rule was broken. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ViolationsException(violations);
        }
    }
}
