package org.govshare.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data service's OAuth 2.0 token endpoint (RFC 6749 §4.4, client credentials) and its JWK Set,
 * answered inside the data service's security chain before any credential is asked for. A client
 * authenticates with its application id and one of its API keys, by HTTP Basic or by form parameters
 * (§2.3.1). Errors take OAuth's JSON shape (§5.2) rather than problem+json, because that is what
 * clients' OAuth libraries parse; their descriptions are ASCII English as §5.2 requires.
 */
final class TokenEndpointFilter extends OncePerRequestFilter {

    static final String TOKEN_PATH = "/api/v1/data/token";
    static final String JWKS_PATH = "/api/v1/data/jwks.json";

    private static final List<String> PARAMETERS = List.of("grant_type", "scope", "client_id", "client_secret");

    private final RequestMatcher token = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TOKEN_PATH);
    private final RequestMatcher jwks = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, JWKS_PATH);
    private final JsonMapper json = JsonMapper.builder().build();
    private final ClientTokens tokens;

    TokenEndpointFilter(ClientTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.matches(request)) {
            token(request, response);
        } else if (jwks.matches(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
            write(response, HttpServletResponse.SC_OK, MediaType.APPLICATION_JSON_VALUE, tokens.publicJwkSet());
        } else {
            chain.doFilter(request, response);
        }
    }

    private void token(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        String refusal = malformed(request);
        if (refusal != null) {
            error(response, 400, "invalid_request", refusal);
            return;
        }
        String grantType = request.getParameter("grant_type");
        if (!"client_credentials".equals(grantType)) {
            error(response, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
            return;
        }
        String scope = request.getParameter("scope");
        if (scope != null && !scope.isBlank() && !ClientTokens.SCOPE.equals(scope.trim())) {
            error(response, 400, "invalid_scope", "The only scope is " + ClientTokens.SCOPE);
            return;
        }
        Credentials credentials;
        try {
            credentials = credentials(request);
        } catch (IllegalArgumentException e) {
            error(response, 400, "invalid_request", e.getMessage());
            return;
        }
        Optional<ClientTokens.IssuedToken> issued = credentials == null ? Optional.empty()
            : tokens.issue(credentials.id(), credentials.secret());
        if (issued.isEmpty()) {
            // RFC 6749 §5.2: 401 with a challenge for the scheme the client may use
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"govshare-data\"");
            error(response, 401, "invalid_client",
                "Unknown client, or the secret is not a valid API key of this client application");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.get().value());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.get().expiresInSeconds());
        body.put("scope", ClientTokens.SCOPE);
        write(response, 200, MediaType.APPLICATION_JSON_VALUE, body);
    }

    /** What makes the request unreadable as a token request (§3.2, §3.1), or null. */
    private static String malformed(HttpServletRequest request) {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            return "The request body must be application/x-www-form-urlencoded";
        }
        if (request.getQueryString() != null) {
            return "Parameters belong in the request body, not in the URI";
        }
        for (String name : PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                return "Parameter " + name + " is repeated";
            }
        }
        if (request.getParameter("grant_type") == null) {
            return "Parameter grant_type is missing";
        }
        return null;
    }

    /**
     * The client's id and secret from HTTP Basic or from the form; null if it sent none. Both at once
     * is refused (§2.3: one authentication method per request).
     */
    private static Credentials credentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        boolean form = request.getParameter("client_id") != null || request.getParameter("client_secret") != null;
        if (basic && form) {
            throw new IllegalArgumentException("Authenticate either by HTTP Basic or by form parameters, not both");
        }
        if (basic) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The Basic credentials are not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("The Basic credentials must be client_id:client_secret");
            }
            // §2.3.1: both parts are form-encoded before being joined
            return new Credentials(formDecode(decoded.substring(0, colon)), formDecode(decoded.substring(colon + 1)));
        }
        return form ? new Credentials(request.getParameter("client_id"), request.getParameter("client_secret")) : null;
    }

    private static String formDecode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private void error(HttpServletResponse response, int status, String code, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        write(response, status, MediaType.APPLICATION_JSON_VALUE, body);
    }

    private void write(HttpServletResponse response, int status, String type, Map<String, Object> body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private record Credentials(String id, String secret) {
    }
}
