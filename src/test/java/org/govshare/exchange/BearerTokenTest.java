package org.govshare.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.govshare.exchange.ExchangeFixtures.creditCode;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.IntegrationTest;
import org.govshare.exchange.ExchangeFixtures.Client;
import org.govshare.platform.SecretBox;
import org.govshare.sharing.SharingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2.0 client credentials for the data service: a client application trades its id and one of its
 * API keys for a short-lived signed token at {@code POST /api/v1/data/token} and calls the data service
 * with it exactly as with the key; every wrong credential, forged or stale token is refused the way
 * OAuth clients expect.
 */
@IntegrationTest
class BearerTokenTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PURPOSE = "社保登记核验参保单位信息";
    private static final String TOKEN = "/api/v1/data/token";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretBox secrets;

    Client client;

    @BeforeEach
    void setUp() {
        client = ExchangeFixtures.client(port, "rsj_admin", "令牌测试");
    }

    @Test
    void aClientGetsASignedTenMinuteTokenByBasicOrByFormAndTheIssueIsAudited() {
        HttpResponse<String> basic = token(basic(client.id().toString(), client.key()), "grant_type=client_credentials");
        HttpResponse<String> form = token(null, "grant_type=client_credentials&scope=data&client_id=" + client.id()
            + "&client_secret=" + client.key());
        for (HttpResponse<String> r : List.of(basic, form)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode body = json(r);
            assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asInt()).isEqualTo(600);
            assertThat(body.get("scope").asString()).isEqualTo("data");
        }
        String token = json(basic).get("access_token").asString();
        assertThat(token).isNotEqualTo(json(form).get("access_token").asString());

        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("typ").asString()).isEqualTo("at+jwt");
        assertThat(claims.get("sub").asString()).isEqualTo(client.id().toString());
        assertThat(claims.get("client_id").asString()).isEqualTo(client.id().toString());
        assertThat(claims.get("org").asString())
            .isEqualTo(HttpApi.as(port, "rsj_admin").get("/api/v1/me").text("organizationId"));
        assertThat(claims.get("client_name").asString()).startsWith("令牌测试");
        assertThat(claims.get("scope").asString()).isEqualTo("data");
        assertThat(claims.get("iss").asString()).isEqualTo("govshare");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        assertThat(claims.get("jti").asString()).isNotBlank();
        assertThat(token).doesNotContain(client.key());

        // the public key is published without any credential, under the kid the token names
        HttpResponse<String> jwks = send(HttpRequest.newBuilder(uri("/api/v1/data/jwks.json")).GET());
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = json(jwks).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("kid").asString()).isEqualTo(header.get("kid").asString());
        assertThat(key.has("d")).as("never the private key").isFalse();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from audit_entry where action = 'security.token.issued'
                and client_application_id = ? and detail like ?""")
            .param(client.id()).param("token " + claims.get("jti").asString() + "%").query(Long.class).single())
            .isEqualTo(1));
    }

    @Test
    void aLookupWithTheTokenReturnsTheSameMaskedRecordAsWithTheKeyAndIsAuditedAsTheClient() {
        UUID resource = SharingFixtures.published(port, "scjg_steward");
        String code = HttpApi.as(port, "scjg_steward").get("/api/v1/catalog/resources/" + resource).text("code");
        String subject = creditCode("510112", 700_001);
        ExchangeFixtures.push(port, resource, "bearer-" + UUID.randomUUID(), """
            {"tyshxydm":"%s","qymc":"龙泉驿令牌企业有限公司","xzqh":"510112001","fddbr":"法人代表令牌","nsxx":"纳税A级"}
            """.formatted(subject));
        ExchangeFixtures.grant(port, resource, client, "[\"tyshxydm\", \"qymc\", \"xzqh\", \"fddbr\"]", """
            {"items":["tyshxydm","qymc","xzqh","fddbr"],"dailyQuota":1000,
             "rowScope":[{"item":"xzqh","op":"PREFIX","values":["510112"]}],"comment":"限龙泉驿区"}
            """, PURPOSE);
        String path = "/api/v1/data/" + code + "/records/" + subject;

        HttpResponse<String> byKey = ExchangeFixtures.call(port, client.key(), PURPOSE, "GET", path, null);
        HttpResponse<String> byToken = bearer(issue(client), path);
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
        assertThat(byToken.statusCode()).as(byToken.body()).isEqualTo(200);
        assertThat(json(byToken)).isEqualTo(json(byKey));
        assertThat(json(byToken).get("record").get("fddbr").asString()).as("masked as the grant says")
            .isNotEqualTo("法人代表令牌").endsWith("代表令牌");
        assertThat(byToken.body()).doesNotContain("nsxx");

        List<String> audited = jdbc.sql("select action || '|' || actor_name || '|' || outcome from audit_entry "
                + "where client_application_id = ? and action = 'data.lookup' order by seq")
            .param(client.id()).query(String.class).list();
        assertThat(audited).hasSize(2).containsOnly(audited.get(0)).allMatch(a -> a.endsWith("|SUCCESS"))
            .allMatch(a -> a.contains("令牌测试"));
    }

    @Test
    void aWrongSecretAnotherClientsKeyOrAPersonsPasswordIsAnInvalidClient() {
        Client other = ExchangeFixtures.client(port, "rsj_admin", "另一系统");
        String wrong = client.key().substring(0, client.key().length() - 1)
            + (client.key().endsWith("a") ? "b" : "a");
        List<HttpResponse<String>> refused = List.of(
            token(basic(client.id().toString(), wrong), "grant_type=client_credentials"),
            token(null, "grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + other.key()),
            token(basic(client.id().toString(), other.key()), "grant_type=client_credentials"),
            token(basic("rsj_admin", HttpApi.DEMO_PASSWORD), "grant_type=client_credentials"),
            token(null, "grant_type=client_credentials"));
        for (HttpResponse<String> r : refused) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(json(r).get("error").asString()).isEqualTo("invalid_client");
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
            assertThat(r.body()).doesNotContain("access_token");
        }
        // the other client's own key still works for the other client
        assertThat(token(basic(other.id().toString(), other.key()), "grant_type=client_credentials").statusCode())
            .isEqualTo(200);
    }

    @Test
    void requestsThatAreNotClientCredentialsAreRefusedInOAuthsShape() {
        String auth = basic(client.id().toString(), client.key());
        HttpResponse<String> password = token(auth, "grant_type=password&username=rsj_admin&password=x");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).get("error").asString()).isEqualTo("unsupported_grant_type");

        HttpResponse<String> noGrant = token(auth, "scope=data");
        HttpResponse<String> twice = token(auth, "grant_type=client_credentials&grant_type=client_credentials");
        HttpResponse<String> both = token(auth, "grant_type=client_credentials&client_id=" + client.id()
            + "&client_secret=" + client.key());
        HttpResponse<String> jsonBody = send(HttpRequest.newBuilder(uri(TOKEN)).header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")));
        for (HttpResponse<String> r : List.of(noGrant, twice, both, jsonBody)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(json(r).get("error").asString()).isEqualTo("invalid_request");
            assertThat(json(r).get("error_description").asString()).isNotBlank();
        }
        HttpResponse<String> scope = token(auth, "grant_type=client_credentials&scope=admin");
        assertThat(json(scope).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aTamperedForeignOrExpiredTokenIsUnauthenticated() throws Exception {
        String token = issue(client);
        Client other = ExchangeFixtures.client(port, "rsj_admin", "冒用系统");
        // claims of another client under the original signature
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace(client.id().toString(), other.id().toString());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        RSAKey deploymentKey = RSAKey.parse(secrets.open(jdbc.sql("select sealed_jwk from token_signing_key")
            .query(String.class).single()));
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID(deploymentKey.getKeyID()).generate();
        String keyPrefix = part(token, 1).get("key_prefix").asString();
        Instant now = Instant.now();
        String foreign = sign(foreignKey, now, now.plusSeconds(600), keyPrefix);
        String expired = sign(deploymentKey, now.minusSeconds(1200), now.minusSeconds(600), keyPrefix);
        String fresh = sign(deploymentKey, now, now.plusSeconds(600), keyPrefix);

        assertThat(bearer(fresh, "/api/v1/data").statusCode()).as("the forged-token helper signs correctly")
            .isEqualTo(200);
        for (String bad : List.of(tampered, foreign, expired, "not-a-jwt")) {
            HttpResponse<String> r = bearer(bad, "/api/v1/data");
            assertThat(r.statusCode()).as(bad).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(r).get("code").asString()).isEqualTo("unauthenticated");
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer")
                .contains("error=\"invalid_token\"");
        }
        assertThat(bearer(token, "/api/v1/data").statusCode()).isEqualTo(200);
    }

    @Test
    void revokingTheKeyEndsTheTokensIssuedWithIt() {
        String token = issue(client);
        assertThat(bearer(token, "/api/v1/data").statusCode()).isEqualTo(200);
        String prefix = client.key().split("_")[1];
        assertThat(HttpApi.as(port, "rsj_admin").delete("/api/v1/clients/" + client.id() + "/keys/" + prefix).status())
            .isEqualTo(200);
        HttpResponse<String> after = bearer(token, "/api/v1/data");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(json(after).get("detail").asString()).contains("令牌");
    }

    private String issue(Client c) {
        HttpResponse<String> r = token(basic(c.id().toString(), c.key()), "grant_type=client_credentials");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asString();
    }

    private String sign(RSAKey key, Instant issued, Instant expires, String keyPrefix) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("govshare").subject(client.id().toString())
            .audience("govshare-data").issueTime(Date.from(issued)).expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString()).claim("client_id", client.id().toString()).claim("scope", "data")
            .claim("key_prefix", keyPrefix).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
            .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> token(String authorization, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(TOKEN))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private HttpResponse<String> bearer(String token, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
            .header("X-Purpose", URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8)).header("Accept-Language", "zh-CN")
            .GET());
    }

    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static JsonNode part(String jwt, int i) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
    }
}
