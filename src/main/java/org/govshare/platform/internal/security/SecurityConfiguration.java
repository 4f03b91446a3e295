package org.govshare.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.govshare.platform.Roles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: the data service (client applications by API key or bearer token), the console (form
 * login, session, CSRF) and the JSON API (API key for client applications, or a person's session/basic
 * credentials for automation). Everything else is denied unless listed here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
        "/actuator/health/**", "/error"};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with {id} prefixes so the algorithm can be raised later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation (timer, span) around each filter of the security chains: a dozen per request
     * that no dashboard reads, about a tenth of the data service's CPU per lookup (bench/gateway).
     * Nor around each authorization decision: a timer and a long-task timer per request, read by no
     * one either (a refusal is a 403 in http.server.requests and in the audit log), 2.6% of the JVM's
     * CPU per lookup. Requests stay observed as a whole (http.server.requests), and so do
     * authentications.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
            .shouldObserveAuthorizations(false).build();
    }

    /**
     * Spring Security's strict firewall with its default rules, the character checks of header and
     * parameter names and header values done by a loop instead of regular expressions (see
     * {@link HeaderCharacters}): the same decisions at a fraction of the cost on every request.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::name);
        firewall.setAllowedHeaderValues(HeaderCharacters::value);
        firewall.setAllowedParameterNames(HeaderCharacters::name);
        return firewall;
    }

    /** The API key filter belongs to the API chain only, not to the servlet container's filter list. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterRegistration(ApiKeyAuthenticationFilter filter) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The data service for client systems: an API key ({@code X-Api-Key}) or a bearer token from the
     * chain's own token endpoint, no session, no CSRF (no cookie is ever read), no request cache. Kept
     * apart so the hot path runs the fewest filters and a person's browser session can never call it.
     */
    @Bean
    @Order(0)
    SecurityFilterChain dataService(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, ClientTokens tokens,
                                    BearerProblemEntryPoint bearerEntryPoint, ProblemAccessHandlers handlers)
            throws Exception {
        http.securityMatcher("/api/v1/data", "/api/v1/data/**")
            .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.CLIENT_APPLICATION))
            .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
            // the token endpoint and the JWK Set answer before any credential is asked for
            .addFilterBefore(new TokenEndpointFilter(tokens), ApiKeyAuthenticationFilter.class)
            .oauth2ResourceServer(o -> o
                .jwt(j -> j.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens::authenticate))
                .authenticationEntryPoint(bearerEntryPoint))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(c -> c.disable())
            .csrf(c -> c.disable())
            // nothing to log out of, no servlet API security methods used: two filters fewer per call
            .logout(l -> l.disable())
            .servletApi(s -> s.disable())
            .exceptionHandling(e -> e.authenticationEntryPoint(bearerEntryPoint).accessDeniedHandler(handlers));
        dataServiceHeaders(http);
        return http.build();
    }

    /**
     * What a JSON API answer needs (OWASP REST security): never cached, never sniffed as another
     * type, never framed, HTTPS only. The console's document policies (script and style sources,
     * referrer) mean nothing to a client system; leaving them out spares every data call five
     * headers.
     */
    private static void dataServiceHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.defaultsDisabled()
            .contentTypeOptions(Customizer.withDefaults())
            .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store"))
            .frameOptions(f -> f.deny())
            .contentSecurityPolicy(c -> c.policyDirectives("frame-ancestors 'none'"))
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, ProblemAccessHandlers handlers)
            throws Exception {
        http.securityMatcher("/api/**")
            // /api/v1/public/** is what the public may read without an account (open data)
            .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/public/**").permitAll().anyRequest().authenticated())
            .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
            .httpBasic(b -> b.authenticationEntryPoint(handlers))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            .csrf(c -> c.ignoringRequestMatchers(carriesCredentialsHeader()))
            .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        secureHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, LoginOutcomeHandlers outcomes, ProblemAccessHandlers handlers)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers(PUBLIC).permitAll()
                .requestMatchers("/actuator/prometheus", "/actuator/info").hasAnyRole("PLATFORM_ADMIN", "AUDITOR")
                .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").authenticated()
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").successHandler(outcomes).failureHandler(outcomes).permitAll())
            // for scrapers and scripts reading /actuator and /v3/api-docs with an account
            .httpBasic(b -> { })
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()).maximumSessions(5))
            .exceptionHandling(e -> e.accessDeniedHandler(handlers));
        secureHeaders(http);
        return http.build();
    }

    private static void secureHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(f -> f.deny())
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
    }

    private static RequestMatcher carriesCredentialsHeader() {
        return (HttpServletRequest r) -> r.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
            || r.getHeader("Authorization") != null;
    }
}
