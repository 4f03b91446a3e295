package org.govshare.platform.internal.web;

/** Reads display facts of the signed-in principal that the Actor does not carry. */
public interface AccountNames {

    String organizationOf(Object principal);

    String displayNameOf(Object principal);
}
