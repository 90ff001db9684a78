package dev.serverlesspatterns.authorizer.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.serverlesspatterns.authorizer.AccessTokens;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The TOKEN authorizer through the real FunctionInvoker, as API Gateway calls it. */
@ExtendWith(LocalAwsExtension.class)
class AuthorizeRequestLambdaTest {

    private static final String FUNCTION = "AuthorizeRequestFunction";
    private static final String STAGE_WILDCARD = "arn:aws:execute-api:us-east-1:000000000000:abc123/v1/*/*";

    private LambdaHarness lambda;
    private UsersTable users;
    private String signingSecret;

    @BeforeEach
    void setUp(LambdaHarness lambda, ProvisionedStack stack) {
        this.lambda = lambda;
        this.users = new UsersTable(stack);
        this.signingSecret = stack.secretString("JwtSigningSecret");
    }

    @AfterEach
    void tearDown() {
        users.close();
    }

    @Test
    void allowsValidTokenOverTheWholeStageWithTheUsersScopes() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read", "orders:write");
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.validClaims(userId)
                        .claim("scope", "orders:read orders:write")
                        .build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertThat(policy.has("statusCode"))
                .as("not wrapped as an HTTP response")
                .isFalse();
        assertThat(policy.path("principalId").asString()).isEqualTo(userId);
        JsonNode statement = policy.path("policyDocument").path("Statement").get(0);
        assertThat(policy.path("policyDocument").path("Version").asString()).isEqualTo("2012-10-17");
        assertThat(policy.path("policyDocument").path("Statement").size()).isEqualTo(1);
        assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
        assertThat(statement.path("Action").asString()).isEqualTo("execute-api:Invoke");
        assertThat(statement.path("Resource").get(0).asString()).isEqualTo(STAGE_WILDCARD);
        assertThat(statement.path("Condition").isNull())
                .as("API Gateway refuses a null Condition")
                .isFalse();
        assertThat(policy.path("context").path("principalId").asString()).isEqualTo(userId);
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("orders:read orders:write");
    }

    @Test
    void policyCachedForOneRouteAlsoAllowsTheNextRoute() {
        // given a decision made for GET /orders, which API Gateway caches for the token
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.validClaims(userId).build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then the same cached policy also covers other methods and deeper paths of the stage
        String resource = policy.path("policyDocument")
                .path("Statement")
                .get(0)
                .path("Resource")
                .get(0)
                .asString();
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:us-east-1:000000000000:abc123/v1/DELETE/orders/42"))
                .isTrue();
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:us-east-1:000000000000:abc123/v1/POST/admin/users/u1/scopes"))
                .isTrue();
        assertThat(IamResource.matches(resource, "arn:aws:execute-api:us-east-1:000000000000:abc123/v2/GET/orders"))
                .as("another stage")
                .isFalse();
    }

    @Test
    void revokedScopeIsGoneFromTheNextDecision() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read", "orders:write");
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.validClaims(userId).build());
        assertThat(authorize("Bearer " + token).path("context").path("scopes").asString())
                .isEqualTo("orders:read orders:write");

        // when the admin revokes a scope after the token was issued
        ObjectNode revoke = Events.load("users/revoke-scope.json");
        Events.withPathParameter(revoke, "userId", userId);
        Events.withPathParameter(revoke, "scope", "orders:write");
        assertThat(Events.parse(lambda.invoke("RevokeScopeFunction", Events.json(revoke)))
                        .path("statusCode")
                        .asInt())
                .isEqualTo(200);
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("orders:read");
    }

    @Test
    void narrowsScopesToThoseTheTokenWasIssuedFor() {
        // given a user holding two scopes and a token asked for with one
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read", "orders:write");
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.validClaims(userId).claim("scope", "orders:read").build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("orders:read");
    }

    @Test
    void deniesValidTokenOfUnknownUser() {
        // given
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.validClaims(UsersTable.newUserId()).build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertDenied(policy);
    }

    @Test
    void deniesValidTokenOfDisabledUser() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "DISABLED", "orders:read");
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.validClaims(userId).build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertDenied(policy);
    }

    @Test
    void allowsBootstrapAdminTokenAlthoughTheAdminHasNoRow() {
        // given a token like the token endpoint issues to the bootstrap admin
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.validClaims("admin")
                        .claim("scope", "admin")
                        .claim("client_type", "bootstrap-admin")
                        .build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertThat(policy.path("policyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Effect")
                        .asString())
                .isEqualTo("Allow");
        assertThat(policy.path("context").path("principalId").asString()).isEqualTo("admin");
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("admin");
    }

    @Test
    void bootstrapAdminTokenNeverCarriesMoreThanTheAdminScope() {
        // given
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.validClaims("admin")
                        .claim("scope", "admin orders:write")
                        .claim("client_type", "bootstrap-admin")
                        .build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("admin");
    }

    @Test
    void allowsRs256TokenOfTrustedExternalIssuer() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        String token = AccessTokens.rs256(
                AccessTokens.externalIssuerKey(),
                AccessTokens.validClaims(userId).build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then
        assertThat(policy.path("policyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Effect")
                        .asString())
                .isEqualTo("Allow");
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("orders:read");
    }

    @Test
    void externalTokenClaimingToBeTheBootstrapAdminIsTreatedAsAnyUser() {
        // given an RS256 token with the admin marker: only this service may issue admin tokens
        String token = AccessTokens.rs256(
                AccessTokens.externalIssuerKey(),
                AccessTokens.validClaims("admin")
                        .claim("scope", "admin")
                        .claim("client_type", "bootstrap-admin")
                        .build());

        // when
        JsonNode policy = authorize("Bearer " + token);

        // then there is no user "admin" in the table
        assertDenied(policy);
    }

    @Test
    void rejectsRequestWithoutToken() {
        // given
        ObjectNode event = Events.load("gatekeeper/authorize-request.json");
        event.remove("authorizationToken");

        // when / then
        assertUnauthorized(event);
    }

    @Test
    void rejectsTokenWithoutBearerScheme() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.validClaims(userId).build());

        // when / then
        assertUnauthorized("Token " + token);
    }

    @Test
    void rejectsMalformedToken() {
        // when / then
        assertUnauthorized("Bearer not-a.jwt.at-all");
    }

    @Test
    void rejectsUnsignedAlgNoneToken() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");

        // when / then
        assertUnauthorized("Bearer "
                + AccessTokens.unsigned(AccessTokens.validClaims(userId).build()));
    }

    @Test
    void rejectsTokenSignedWithAnotherKey() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        String token = AccessTokens.hs256(
                "another-secret-that-is-long-enough-for-hs256-0123456789",
                AccessTokens.validClaims(userId).build());

        // when / then
        assertUnauthorized("Bearer " + token);
    }

    @Test
    void rejectsRs256TokenSignedWithAnUntrustedKeyUnderATrustedKid() throws Exception {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        RSAKey impostor =
                new RSAKeyGenerator(2048).keyID(AccessTokens.EXTERNAL_KEY_ID).generate();

        // when / then
        assertUnauthorized("Bearer "
                + AccessTokens.rs256(impostor, AccessTokens.validClaims(userId).build()));
    }

    @Test
    void rejectsTokenSignedWithAnAlgorithmOtherThanHs256OrRs256() {
        // given the right secret, but HS512
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        String token = AccessTokens.hmac(
                JWSAlgorithm.HS512,
                (signingSecret + signingSecret).getBytes(StandardCharsets.UTF_8),
                AccessTokens.validClaims(userId).build());

        // when / then
        assertUnauthorized("Bearer " + token);
    }

    @Test
    void rejectsExpiredToken() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        JWTClaimsSet claims = AccessTokens.validClaims(userId)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
                .build();

        // when / then
        assertUnauthorized("Bearer " + AccessTokens.hs256(signingSecret, claims));
    }

    @Test
    void rejectsTokenOfAnotherIssuer() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        JWTClaimsSet claims =
                AccessTokens.validClaims(userId).issuer("https://evil.example").build();

        // when / then
        assertUnauthorized("Bearer " + AccessTokens.hs256(signingSecret, claims));
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        // given
        String userId = UsersTable.newUserId();
        users.put(userId, "ACTIVE", "orders:read");
        JWTClaimsSet claims =
                AccessTokens.validClaims(userId).audience("another-api").build();

        // when / then
        assertUnauthorized("Bearer " + AccessTokens.hs256(signingSecret, claims));
    }

    private JsonNode authorize(String authorizationToken) {
        ObjectNode event = Events.load("gatekeeper/authorize-request.json");
        event.put("authorizationToken", authorizationToken);
        return Events.parse(lambda.invoke(FUNCTION, Events.json(event)));
    }

    private void assertUnauthorized(String authorizationToken) {
        ObjectNode event = Events.load("gatekeeper/authorize-request.json");
        event.put("authorizationToken", authorizationToken);
        assertUnauthorized(event);
    }

    private void assertUnauthorized(ObjectNode event) {
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, Events.json(event)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage("Unauthorized");
    }

    private static void assertDenied(JsonNode policy) {
        JsonNode statement = policy.path("policyDocument").path("Statement").get(0);
        assertThat(statement.path("Effect").asString()).isEqualTo("Deny");
        assertThat(statement.path("Resource").get(0).asString()).isEqualTo(STAGE_WILDCARD);
        assertThat(policy.path("context").path("scopes").isMissingNode()).isTrue();
    }
}
