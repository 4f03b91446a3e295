package org.govshare.dataset.internal.validation;

import java.util.List;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ItemRule;

/** Compiles {@link RecordChecks} for a published resource version and the provider's rules. */
public interface RecordChecksFactory {

    RecordChecks compile(ResourceView published, List<ItemRule> rules);

    /** The rules in force when the provider stored none: key items required, kind inferred from the standard name. */
    List<ItemRule> defaults(ResourceView published);
}
