package org.govshare.platform.internal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature and claims were verified, so a client calling many times with one
 * token pays the RSA verification once per node rather than on every call. Only proven tokens are
 * kept (a failed decode throws and stores nothing), each no longer than its own expiry, which is
 * checked again on every hit; the client behind it is re-checked by {@link ClientTokens} every time.
 */
final class VerifiedTokens implements JwtDecoder {

    /** The same tolerance for clock drift between nodes as Spring's timestamp validator. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
        .maximumSize(4_096).expireAfterWrite(ClientTokens.LIFETIME.plus(SKEW)).build();

    VerifiedTokens(JwtDecoder verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, verifier::decode);
        if (jwt.getExpiresAt() == null || Instant.now().isAfter(jwt.getExpiresAt().plus(SKEW))) {
            verified.invalidate(token);
            throw new BadJwtException("Jwt expired at " + jwt.getExpiresAt());
        }
        return jwt;
    }
}
