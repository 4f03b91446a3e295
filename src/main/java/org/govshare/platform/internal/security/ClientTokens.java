package org.govshare.platform.internal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.platform.AccountDirectory;
import org.govshare.platform.AccountDirectory.ClientKey;
import org.govshare.platform.Actor;
import org.govshare.platform.RequestIds;
import org.govshare.platform.SecurityEvents.AccessTokenIssued;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data service's bearer tokens (OAuth 2.0 client credentials): issued to a client application that
 * proves one of its API keys, as JWT access tokens (RFC 9068) valid for ten minutes, and turned back on
 * every call into the same client actor an API key gives. A token names the key it was issued with, so
 * revoking the key, disabling the client or deactivating its department ends the token as soon as the
 * directory's key cache forgets (at once on the node that made the change, within seconds elsewhere).
 */
@Component
class ClientTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String SCOPE = "data";
    static final String AUDIENCE = "govshare-data";
    static final String TYPE = "at+jwt";
    static final String KEY_CLAIM = "key_prefix";

    private final TokenSigningKey signingKey;
    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final String issuer;

    ClientTokens(TokenSigningKey signingKey, AccountDirectory accounts, ApplicationEventPublisher events,
                 TransactionTemplate tx, @Value("${govshare.security.token-issuer:govshare}") String issuer) {
        this.signingKey = signingKey;
        this.accounts = accounts;
        this.events = events;
        this.tx = tx;
        this.issuer = issuer;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey.key())));
        this.decoder = new VerifiedTokens(verifier(signingKey, issuer));
    }

    /** A token for the client, if the secret is one of its valid API keys; empty otherwise. */
    Optional<IssuedToken> issue(String clientId, String secret) {
        UUID client = uuid(clientId);
        if (client == null || secret == null) {
            return Optional.empty();
        }
        Optional<ClientKey> key = accounts.authenticateClientKey(secret.trim())
            .filter(k -> client.equals(k.client().clientApplicationId()));
        return key.map(this::sign);
    }

    private IssuedToken sign(ClientKey key) {
        Actor client = key.client();
        Instant now = Instant.now();
        Instant expires = now.plus(LIFETIME);
        String id = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(client.clientApplicationId().toString())
            .audience(List.of(AUDIENCE))
            .issuedAt(now)
            .expiresAt(expires)
            .id(id)
            .claim("client_id", client.clientApplicationId().toString())
            .claim("client_name", client.name())
            .claim("org", client.organizationId().toString())
            .claim("scope", SCOPE)
            .claim(KEY_CLAIM, key.prefix())
            .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type(TYPE).keyId(signingKey.keyId()).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        AccessTokenIssued issued = new AccessTokenIssued(client, id, expires, key.prefix(), RequestIds.current());
        // in a transaction, so the event publication registry keeps the audit fact until it is written
        tx.executeWithoutResult(s -> events.publishEvent(issued));
        return new IssuedToken(value, LIFETIME.toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /**
     * The client acting with a verified token, as the API key filter would authenticate it: from the
     * directory's current view of the key, not from the token's claims.
     */
    AbstractAuthenticationToken authenticate(Jwt jwt) {
        Actor client = accounts.clientOfActiveKey(jwt.getClaimAsString(KEY_CLAIM))
            .filter(a -> a.clientApplicationId().toString().equals(jwt.getSubject()))
            .orElseThrow(() -> new InvalidBearerTokenException(
                "The client application, its department or the key the token was issued with is no longer active"));
        return new ApiKeyAuthenticationFilter.ClientAuthentication(client);
    }

    Map<String, Object> publicJwkSet() {
        return signingKey.publicJwkSet();
    }

    private static NimbusJwtDecoder verifier(TokenSigningKey signingKey, String issuer) {
        NimbusJwtDecoder decoder;
        try {
            decoder = NimbusJwtDecoder.withPublicKey(signingKey.key().toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("the token signing key has no RSA public key", e);
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
            new JwtTypeValidator(TYPE),
            new JwtIssuerValidator(issuer),
            new JwtAudienceValidator(AUDIENCE),
            new JwtClaimValidator<Object>("scope", SCOPE::equals),
            new JwtClaimValidator<Object>(KEY_CLAIM, k -> k instanceof String),
            new JwtClaimValidator<Object>("exp", e -> e != null)));
        return decoder;
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record IssuedToken(String value, long expiresInSeconds) {
    }
}
