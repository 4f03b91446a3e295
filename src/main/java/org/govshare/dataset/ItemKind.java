package org.govshare.dataset;

/** Identifiers with check digits that a value must pass besides its data type. */
public enum ItemKind {
    PLAIN, RESIDENT_ID, CREDIT_CODE
}
