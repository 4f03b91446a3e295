package org.govshare.exchange.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.govshare.dataset.RecordReads;
import org.govshare.platform.CurrentActor;
import org.govshare.sharing.GrantView;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the HTTP property test (another package): the record keys a grant's row scope selects, once
 * as the database's conditions and once as the JVM's check over every record, so the test can hold
 * both against its own oracle.
 */
public final class ScopeProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GrantScope scope;
    private final RecordReads records;

    public ScopeProbe(ApplicationContext context, GrantView grant) {
        ServedResources served = context.getBean(ServedResources.class);
        ServedResource resource = CurrentActor.runAs(CurrentActor.system(),
            () -> served.byCode(grant.resourceCode()).orElseThrow());
        this.scope = new GrantScope(grant, resource);
        this.records = context.getBean(RecordReads.class);
    }

    /** Keys of the records the scope's SQL conditions select. */
    public Set<String> sqlKeys() {
        Set<String> keys = new TreeSet<>();
        records.stream(scope.resource().id(), scope.scopeConditions(), (key, json) -> keys.add(key));
        return keys;
    }

    /** Keys of the records the JVM check lets through, over all records. */
    public Set<String> jvmKeys() {
        Set<String> keys = new TreeSet<>();
        records.stream(scope.resource().id(), List.of(), (key, json) -> {
            if (scope.inScope(RecordFields.parse(JSON, json))) {
                keys.add(key);
            }
        });
        return keys;
    }
}
