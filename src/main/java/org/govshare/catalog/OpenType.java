package org.govshare.catalog;

/** 开放属性: open to the public, conditionally open, or not open. */
public enum OpenType {
    OPEN, CONDITIONAL, NOT_OPEN
}
