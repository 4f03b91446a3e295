package org.govshare.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes claiming due deliveries at once never get the same one: each claim skips rows
 * another is locking and leaves a lease that keeps them out of later claims until it runs out.
 */
@IntegrationTest
class DeliveryClaimTest {

    @Autowired
    NotificationStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentClaimsAreDisjoint() throws Exception {
        UUID org = jdbc.sql("select id from organization order by created_at limit 1").query(UUID.class).single();
        UUID webhook = UUID.randomUUID();
        Instant now = Instant.now();
        // due only a day from now, claimed "two days from now": the application's own sender never sees them
        Instant due = now.plus(Duration.ofDays(1));
        Instant later = now.plus(Duration.ofDays(2));
        store.insertWebhook(webhook, org, "http://127.0.0.1:9/claim-test", null, List.of("test.claim." + webhook),
            "v1:none", "test", now);
        List<UUID> notices = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID notice = UUID.randomUUID();
            store.insertNotice(notice, org, List.of(), "test.claim." + webhook, "test.notice.plain", List.of(), "/",
                null, null, java.util.Map.of(), now);
            assertThat(store.insertDeliveries(notice, org, "test.claim." + webhook, due)).isEqualTo(1);
            notices.add(notice);
        }
        List<UUID> mine = jdbc.sql("select id from notification_delivery where webhook_id = ?").param(webhook)
            .query(UUID.class).list();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<UUID>>> claims = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                String name = "claim-test-node-" + node;
                Callable<List<UUID>> claim = () -> {
                    List<UUID> got = new ArrayList<>();
                    for (int turn = 0; turn < 5; turn++) {
                        store.claimDeliveries(name, later, later.plus(Duration.ofMinutes(2)), 7).stream()
                            .map(NotificationStore.ClaimedDelivery::id).filter(mine::contains).forEach(got::add);
                    }
                    return got;
                };
                claims.add(pool.submit(claim));
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> f : claims) {
                all.addAll(f.get());
            }
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(mine);
            // every row claimed is held by exactly the node that got it
            for (int node = 0; node < 4; node++) {
                List<UUID> held = jdbc.sql("select id from notification_delivery where claimed_by = ? and webhook_id = ?")
                    .params("claim-test-node-" + node, webhook).query(UUID.class).list();
                assertThat(claims.get(node).get()).containsExactlyInAnyOrderElementsOf(held);
            }
            // while the leases last nobody claims them again
            assertThat(store.claimDeliveries("late-node", later.plusSeconds(60), later.plusSeconds(120), 100).stream()
                .map(NotificationStore.ClaimedDelivery::id).filter(all::contains)).isEmpty();
        } finally {
            pool.shutdownNow();
            // other tests' pending deliveries the fake nodes claimed on the way go back to the real sender
            jdbc.sql("update notification_delivery set claimed_by = null, claimed_until = null "
                + "where claimed_by like 'claim-test-node-%' or claimed_by = 'late-node'").update();
            jdbc.sql("delete from notification_webhook where id = ?").param(webhook).update();
        }
    }
}
