package org.govshare.sharing;

/** How one granted item is masked; {@code n} only for SHOW_FIRST / SHOW_LAST. */
public record Mask(MaskType type, Integer n) {

    public static Mask of(MaskType type) {
        return new Mask(type, null);
    }
}
