package org.govshare.dataset.internal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.govshare.catalog.UpdateCycle;
import org.govshare.dataset.Freshness;
import org.junit.jupiter.api.Test;

class FreshnessRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

    @Test
    void dueAPromiseAfterTheLastLoad() {
        Instant loaded = Instant.parse("2026-11-20T01:00:00Z");
        Freshness weekly = FreshnessRule.of(UpdateCycle.WEEKLY, loaded, LocalDate.of(2020, 1, 1), null, NOW);
        assertThat(weekly.dueAt()).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
        assertThat(weekly.overdue()).isFalse();
        assertThat(weekly.lastUpdatedAt()).isEqualTo(loaded);
        Freshness daily = FreshnessRule.of(UpdateCycle.DAILY, loaded, null, null, NOW);
        assertThat(daily.dueAt()).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
        assertThat(daily.overdue()).isTrue();
    }

    @Test
    void neverLoadedResourcesAreDueAPromiseAfterTheirReleaseDateInChina() {
        Freshness f = FreshnessRule.of(UpdateCycle.MONTHLY, null, LocalDate.of(2026, 10, 26), null, NOW);
        // midnight of 26 November in Shanghai is 16:00 UTC the day before
        assertThat(f.dueAt()).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
        assertThat(f.overdue()).isTrue();
        assertThat(f.lastUpdatedAt()).isNull();
        Freshness fresh = FreshnessRule.of(UpdateCycle.MONTHLY, null, LocalDate.of(2026, 10, 27), null, NOW);
        assertThat(fresh.overdue()).isFalse();
        Freshness noDate = FreshnessRule.of(UpdateCycle.YEARLY, null, null, Instant.parse("2025-11-26T03:00:00Z"), NOW);
        assertThat(noDate.dueAt()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z"));
        assertThat(noDate.overdue()).isTrue();
    }

    @Test
    void cyclesWithoutAPromiseAreNeverOverdue() {
        for (UpdateCycle c : new UpdateCycle[] {UpdateCycle.IRREGULAR, UpdateCycle.OTHER}) {
            Freshness f = FreshnessRule.of(c, null, LocalDate.of(2000, 1, 1), null, NOW);
            assertThat(f.dueAt()).isNull();
            assertThat(f.overdue()).isFalse();
            assertThat(f.cycle()).isEqualTo(c);
        }
    }
}
