package org.govshare.catalog.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.govshare.platform.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SearchTurnsTest {

    @Test
    void aSearchWaitsForItsTurnAndIsRefusedAsBusyWhenItDoesNotComeInTime() throws Exception {
        SearchTurns turns = new SearchTurns(1, Duration.ofMillis(100));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.run(() -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> turns.run(() -> "second"))
            .isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.code()).isEqualTo("search-busy");
            });

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(turns.run(() -> "third")).as("the turn is given back, also after a refusal").isEqualTo("third");
    }

    @Test
    void aFailedSearchGivesItsTurnBack() {
        SearchTurns turns = new SearchTurns(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> turns.run(() -> {
            throw new IllegalStateException("index closed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(turns.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
