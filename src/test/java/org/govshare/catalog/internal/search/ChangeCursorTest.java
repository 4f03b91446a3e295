package org.govshare.catalog.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.govshare.catalog.internal.search.ChangeCursor.Row;
import org.govshare.catalog.internal.search.ChangeCursor.Snapshot;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aNumberThatCommitsLateIsAppliedWhenItShowsUp() {
        ChangeCursor cursor = ChangeCursor.at(0, null, List.of(), t0);
        Set<UUID> first = cursor.accept(List.of(new Row(1, a), new Row(3, c)), new Snapshot(10, 12), t0, TIMEOUT);
        assertThat(first).containsExactly(a, c);
        assertThat(cursor.gaps()).containsExactly(2L);
        assertThat(cursor.watermark()).as("a restart resumes before the gap").isEqualTo(1);
        assertThat(cursor.maxSeen()).isEqualTo(3);

        Set<UUID> late = cursor.accept(List.of(new Row(2, b)), new Snapshot(12, 13), t0.plusMillis(300), TIMEOUT);
        assertThat(late).containsExactly(b);
        assertThat(cursor.gaps()).isEmpty();
        assertThat(cursor.watermark()).isEqualTo(3);
        assertThat(cursor.accept(List.of(new Row(2, b), new Row(3, c)), new Snapshot(12, 13), t0, TIMEOUT))
            .as("rows already applied are not applied again").isEmpty();
    }

    @Test
    void aRolledBackNumberIsGivenUpOnceEveryTransactionThatCouldHoldItHasEnded() {
        ChangeCursor cursor = ChangeCursor.at(0, null, List.of(), t0);
        cursor.accept(List.of(new Row(1, a), new Row(3, c)), new Snapshot(10, 12), t0, TIMEOUT);
        // too early to take a horizon: the inserting transaction may not have its xid yet
        cursor.accept(List.of(), new Snapshot(20, 25), t0.plusMillis(500), TIMEOUT);
        assertThat(cursor.gaps()).containsExactly(2L);
        // horizon taken: transactions below xid 30 may still hold it
        cursor.accept(List.of(), new Snapshot(20, 30), t0.plusMillis(1500), TIMEOUT);
        assertThat(cursor.gaps()).containsExactly(2L);
        cursor.accept(List.of(), new Snapshot(29, 31), t0.plusMillis(2000), TIMEOUT);
        assertThat(cursor.gaps()).as("xid 29 may still be running").containsExactly(2L);
        cursor.accept(List.of(), new Snapshot(30, 31), t0.plusMillis(2500), TIMEOUT);
        assertThat(cursor.gaps()).isEmpty();
        assertThat(cursor.watermark()).isEqualTo(3);
    }

    @Test
    void aGapIsGivenUpAfterTheTimeoutAtTheLatest() {
        ChangeCursor cursor = ChangeCursor.at(5, a, List.of(3L), t0);
        assertThat(cursor.watermark()).isEqualTo(2);
        cursor.accept(List.of(), null, t0.plus(TIMEOUT), TIMEOUT);
        assertThat(cursor.gaps()).isEmpty();
        assertThat(cursor.watermark()).isEqualTo(5);
    }

    @Test
    void aRebuildSeedsGapsFromTheRowsItsSnapshotDidNotSee() {
        ChangeCursor cursor = ChangeCursor.seeded(100, List.of(new Row(101, a), new Row(104, b)), t0);
        assertThat(cursor.gaps()).containsExactly(102L, 103L);
        assertThat(cursor.maxSeen()).isEqualTo(104);
        assertThat(cursor.maxSeenResource()).isEqualTo(b);
        ChangeCursor copy = cursor.copy();
        cursor.accept(List.of(new Row(102, c)), new Snapshot(1, 2), t0, TIMEOUT);
        assertThat(copy.gaps()).as("a copy restores the state of a failed poll").containsExactly(102L, 103L);
    }
}
