package org.govshare.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.platform.ViolationsException;
import org.govshare.sharing.GrantChange;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.junit.jupiter.api.Test;

/**
 * Narrowing only ever shows less: masks may get stricter, never looser, purposes only fewer, and
 * nothing changes on refusal.
 */
class GrantTest {

    private static Grant grant(Map<String, Mask> masks) {
        return new Grant(UUID.randomUUID(), "G1", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), "303001/000001", "企业信息", UUID.randomUUID(), 1, List.of("sfzh", "xm", "csrq"),
            List.of("参保登记核验", "社会保险稽核"), List.of(), masks, 100, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Instant.now(), 0);
    }

    @Test
    void masksOnlyGetStricter() {
        Mask last4 = new Mask(MaskType.SHOW_LAST, 4);
        assertThat(Grant.atLeastAsStrict(new Mask(MaskType.SHOW_LAST, 2), last4)).isTrue();
        assertThat(Grant.atLeastAsStrict(new Mask(MaskType.SHOW_LAST, 6), last4)).isFalse();
        assertThat(Grant.atLeastAsStrict(new Mask(MaskType.SHOW_FIRST, 2), last4)).as("another side shows new characters")
            .isFalse();
        assertThat(Grant.atLeastAsStrict(Mask.of(MaskType.HASH), last4)).isTrue();
        assertThat(Grant.atLeastAsStrict(Mask.of(MaskType.NONE), last4)).isFalse();
        assertThat(Grant.atLeastAsStrict(Mask.of(MaskType.MASK), Mask.of(MaskType.HASH))).isFalse();
        assertThat(Grant.atLeastAsStrict(Mask.of(MaskType.NULLIFY), Mask.of(MaskType.HASH))).isTrue();
        assertThat(Grant.atLeastAsStrict(new Mask(MaskType.SHOW_FIRST, 1), null)).as("unmasked before").isTrue();
    }

    @Test
    void aLooserMaskIsRefusedAndTheGrantStaysAsItWas() {
        Grant g = grant(Map.of("sfzh", new Mask(MaskType.SHOW_LAST, 4)));
        GrantChange looser = new GrantChange(null, null, null, null, Map.of("sfzh", new Mask(MaskType.SHOW_LAST, 18)), "x");
        assertThatThrownBy(() -> g.narrow(looser, List.of("sfzh", "xm", "csrq")))
            .isInstanceOf(ViolationsException.class);
        assertThat(g.masks).containsEntry("sfzh", new Mask(MaskType.SHOW_LAST, 4));
        assertThatThrownBy(() -> g.narrow(new GrantChange(null, null, null, null,
            Map.of("xm", new Mask(MaskType.SHOW_FIRST, null)), "x"), List.of("sfzh", "xm", "csrq")))
            .as("a shown part needs its length").isInstanceOf(ViolationsException.class);
        g.narrow(new GrantChange(null, null, null, null, Map.of("xm", Mask.of(MaskType.MASK),
            "sfzh", Mask.of(MaskType.HASH)), "更严"), List.of("sfzh", "xm", "csrq"));
        assertThat(g.masks).containsEntry("xm", Mask.of(MaskType.MASK)).containsEntry("sfzh", Mask.of(MaskType.HASH));
    }

    @Test
    void purposesMayOnlyBeStruckNeverAddedOrAllRemoved() {
        Grant g = grant(Map.of());
        List<String> items = List.of("sfzh", "xm", "csrq");
        assertThatThrownBy(() -> g.narrow(new GrantChange(null, null, null, null, null, "x",
            List.of("参保登记核验", "商业营销")), items)).isInstanceOf(ViolationsException.class);
        assertThatThrownBy(() -> g.narrow(new GrantChange(null, null, null, null, null, "x", List.of(" ")), items))
            .isInstanceOf(ViolationsException.class);
        assertThat(g.purposes).containsExactly("参保登记核验", "社会保险稽核");
        // chosen as the grant words it, whatever the width of the characters typed
        g.narrow(new GrantChange(null, null, null, null, null, "只保留稽核", List.of("社会保险稽核 ")), items);
        assertThat(g.purposes).containsExactly("社会保险稽核");
    }
}
