package org.govshare.sharing;

/** A grant's standing today: not yet valid, valid, past its end, or revoked. */
public enum GrantState {
    PENDING, ACTIVE, EXPIRED, REVOKED
}
