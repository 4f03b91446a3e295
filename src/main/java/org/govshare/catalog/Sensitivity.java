package org.govshare.catalog;

/** Sensitivity of a data item's values: public, internal, sensitive (personal), restricted. */
public enum Sensitivity {
    PUBLIC, INTERNAL, SENSITIVE, RESTRICTED
}
