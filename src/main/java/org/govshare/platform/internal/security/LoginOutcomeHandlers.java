package org.govshare.platform.internal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.govshare.platform.AccountDirectory;
import org.govshare.platform.RequestIds;
import org.govshare.platform.SecurityEvents.LoginFailed;
import org.govshare.platform.SecurityEvents.LoginSucceeded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Counts failures towards the lockout, resets them on success, and reports both to the audit log. */
@Component
class LoginOutcomeHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomeHandlers(AccountDirectory accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
        success.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        PlatformUser user = (PlatformUser) auth.getPrincipal();
        accounts.recordSuccessfulLogin(user.getUsername());
        events.publishEvent(new LoginSucceeded(user.account().userId(), user.getUsername(),
            user.account().organizationId(), request.getRemoteAddr(), RequestIds.current()));
        success.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException, ServletException {
        String username = request.getParameter("username");
        String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad-credentials";
        if (username != null && !username.isBlank()) {
            if ("bad-credentials".equals(reason)) {
                accounts.recordFailedLogin(username);
            }
            events.publishEvent(new LoginFailed(username, reason, request.getRemoteAddr(), RequestIds.current()));
        }
        new SimpleUrlAuthenticationFailureHandler("/login?error=" + reason).onAuthenticationFailure(request, response, e);
    }
}
