package org.govshare.sharing;

/** Masking of an item's values in what a grant lets the consumer read (after Apache Ranger's types). */
public enum MaskType {
    /** Letters become x, digits 0. */
    MASK,
    /** Only the first n characters are shown. */
    SHOW_FIRST,
    /** Only the last n characters are shown. */
    SHOW_LAST,
    /** A keyed hash: equal values stay joinable. */
    HASH,
    NULLIFY,
    DATE_YEAR_ONLY,
    /** An explicit exemption: the value as stored. */
    NONE;

    public boolean takesLength() {
        return this == SHOW_FIRST || this == SHOW_LAST;
    }
}
