package org.govshare.dataset.internal.validation;

import java.util.List;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ItemRule;
import org.govshare.platform.Violation;
import org.govshare.platform.ViolationsException;

/** Compiles {@link RecordChecks} for a published resource version and the provider's rules. */
public interface RecordChecksFactory {

    /**
     * Items without a rule get their default; rules naming items the version no longer has are
     * ignored. A version without key items compiles to checks with empty {@code keyItems()}: the
     * pipeline refuses such loads ({@code no-key-items}).
     */
    RecordChecks compile(ResourceView published, List<ItemRule> rules);

    /** The rules in force when the provider stored none: key items required, kind inferred from the standard name. */
    List<ItemRule> defaults(ResourceView published);

    /**
     * Every problem of rules about to be stored, with field paths {@code rules[i].codeName|kind|pattern|min|max|allowedValues[j]}:
     * unknown or repeated item, kind on a non-STRING item, pattern over 500 characters or not compiling,
     * min/max on a non-numeric item or min above max, more than 1,000 allowed values or one blank or
     * over 200 characters. Empty when the rules may be stored.
     */
    List<Violation> checkRules(ResourceView published, List<ItemRule> rules);

    /** {@link #checkRules} as a 422 {@link ViolationsException} when anything is wrong. */
    default void validateRules(ResourceView published, List<ItemRule> rules) {
        ViolationsException.throwIfAny(checkRules(published, rules));
    }
}
