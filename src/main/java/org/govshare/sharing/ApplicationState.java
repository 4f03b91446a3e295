package org.govshare.sharing;

/** Where an application stands. Open states have someone who must act, most with a deadline. */
public enum ApplicationState {
    PRECHECK, REVIEW, SUPPLEMENT_REQUESTED, DISPUTED, COORDINATION,
    APPROVED, REFUSED, REFUSAL_UPHELD, NOT_GRANTED, RETURNED, WITHDRAWN;

    public boolean open() {
        return switch (this) {
            case PRECHECK, REVIEW, SUPPLEMENT_REQUESTED, DISPUTED, COORDINATION -> true;
            default -> false;
        };
    }

    /** The consumer may still withdraw: any open state except a dispute the authority is deciding. */
    public boolean withdrawable() {
        return open() && this != DISPUTED;
    }
}
