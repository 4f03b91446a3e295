package org.govshare.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.govshare.dataset.DatasetManagement;
import org.govshare.dataset.RecordView;
import org.govshare.exchange.DataServiceManagement;
import org.govshare.exchange.DataServiceManagement.Filters;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.GrantFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;

/**
 * The demo's consumers call the data service under their grants, through the real gateway (so
 * each call is masked, counted and audited like any other): providers see who called and why,
 * consumers their use against quota, citizens' "who read my data" has entries.
 */
final class DemoDataCalls {

    private static final Logger log = LoggerFactory.getLogger(DemoDataCalls.class);
    /** Not among any demo grant's purposes: one call a grant makes with it is refused, as it should be. */
    static final String UNAPPROVED_PURPOSE = "商业营销名单比对";
    private static final Duration WAIT_FOR_RECORDS = Duration.ofSeconds(90);

    private final SharingManagement sharing;
    private final DatasetManagement datasets;
    private final DataServiceManagement data;
    private final Actor authority;
    private final Map<UUID, Actor> loaders;

    DemoDataCalls(SharingManagement sharing, DatasetManagement datasets, DataServiceManagement data, Actor authority,
                  Map<UUID, Actor> loaders) {
        this.sharing = sharing;
        this.datasets = datasets;
        this.data = data;
        this.authority = authority;
        this.loaders = loaders;
    }

    /** Returns how many calls were answered. */
    int run() {
        List<GrantView> grants = CurrentActor.runAs(authority, () -> sharing.grants(
            new GrantFilter(SharingManagement.Side.ALL, GrantState.ACTIVE, null, false, null), 0, 50).items());
        int calls = 0;
        long deadline = System.nanoTime() + WAIT_FOR_RECORDS.toNanos();
        for (GrantView g : grants) {
            Actor loader = loaders.get(g.providerId());
            if (loader == null) {
                continue;
            }
            List<RecordView> records = recordsOf(g.resourceId(), loader, deadline);
            Actor client = Actor.ofClient(g.clientApplicationId(), "demo client", g.consumerId());
            calls += CurrentActor.runAs(client, () -> callAs(g, records));
        }
        return calls;
    }

    private List<RecordView> recordsOf(UUID resource, Actor loader, long deadline) {
        while (true) {
            List<RecordView> records = CurrentActor.runAs(loader,
                () -> datasets.records(resource, null, PageRequest.of(0, 12)).getContent());
            if (!records.isEmpty() || System.nanoTime() > deadline) {
                return records;
            }
            sleep();
        }
    }

    private int callAs(GrantView g, List<RecordView> records) {
        int answered = 0;
        List<String> purposes = g.purposes();
        for (int i = 0; i < records.size(); i++) {
            String purpose = purposes.get(i % purposes.size());
            RecordView r = records.get(i);
            answered += quietly(() -> data.lookup(g.resourceCode(), r.key(), purpose));
            if (i % 4 == 0) {
                answered += quietly(() -> data.verify(g.resourceCode(), verification(g, r), purpose));
            }
        }
        answered += quietly(() -> data.query(g.resourceCode(), new Filters(Map.of("size", List.of("10"))),
            purposes.get(0)));
        if (!records.isEmpty()) {
            // refused (403 purpose-not-granted): the provider sees it among the refused calls
            quietly(() -> data.lookup(g.resourceCode(), records.get(0).key(), UNAPPROVED_PURPOSE));
        }
        return answered;
    }

    /** The record's values of the granted items, one of them deliberately wrong. */
    private static Map<String, String> verification(GrantView g, RecordView r) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        r.values().forEach((item, value) -> {
            if (g.items().contains(item) && value != null && values.size() < 3) {
                values.put(item, String.valueOf(value));
            }
        });
        return values;
    }

    private static int quietly(Supplier<CompletableFuture<byte[]>> call) {
        try {
            call.get().join();
            return 1;
        } catch (ProblemException e) {
            // a record outside the grant's row scope (404), a key the grant cannot verify or a purpose it
            // does not allow: also demo traffic
            return 0;
        } catch (CompletionException e) {
            if (e.getCause() instanceof ProblemException) {
                return 0;
            }
            throw e;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
