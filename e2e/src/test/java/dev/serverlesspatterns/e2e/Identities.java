package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.serverlesspatterns.local.LocalSuite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Users and tokens of the authorizer service, obtained the way the README tells a user to. */
final class Identities {

    private final ShopApi api;
    private final LocalSuite suite;

    Identities(ShopApi api, LocalSuite suite) {
        this.api = api;
        this.suite = suite;
    }

    record Client(String id, String secret) {}

    String adminToken() {
        JsonNode admin = JsonMapper.builder()
                .build()
                .readTree(suite.stack().secretValue("AdminClientSecret").orElseThrow());
        return token(new Client(
                admin.get("clientId").asString(), admin.get("clientSecret").asString()));
    }

    Client newUser(String... scopes) {
        String userId = "user-" + UUID.randomUUID().toString().substring(0, 12);
        String scopeList = String.join(
                ",", List.of(scopes).stream().map(scope -> "\"" + scope + "\"").toList());
        ShopApi.Response created = api.request("POST", "/admin/users")
                .bearer(adminToken())
                .json("{\"userId\":\"" + userId + "\",\"scopes\":[" + scopeList + "]}")
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Client(userId, created.json().get("clientSecret").asString());
    }

    String token(Client client) {
        ShopApi.Response issued = api.request("POST", "/oauth/token")
                .basicAuth(client.id(), client.secret())
                .form("grant_type=client_credentials")
                .send();
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("access_token").asString();
    }

    /** A token for {@code subject} signed with the real signing key, with claims a test may spoil. */
    String forgedToken(String subject, Map<String, Object> overrides, byte[] key) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(subject, overrides));
            token.sign(new MACSigner(key));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String unsignedToken(String subject) {
        return new PlainJWT(claims(subject, Map.of())).serialize();
    }

    byte[] signingKey() {
        return suite.stack().secretValue("JwtSigningSecret").orElseThrow().getBytes(StandardCharsets.UTF_8);
    }

    private JWTClaimsSet claims(String subject, Map<String, Object> overrides) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(parameter("JwtIssuer"))
                .audience(parameter("JwtAudience"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", "orders:read orders:write");
        overrides.forEach(claims::claim);
        return claims.build();
    }

    private String parameter(String name) {
        return suite.stack().intrinsics().resolveString(Map.of("Ref", name));
    }
}
