package org.govshare.platform;

import java.util.List;

/** Accounts to show on the sign-in page, offered only by the demo district. */
public interface LoginHints {

    String password();

    List<Hint> accounts();

    record Hint(String username, String description) {
    }
}
